# Generated from ui/admin_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Create or edit a customer admin (contact) of an account.

################################################################################
## Form generated from reading UI file 'admin_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_AdminDialog(object):
    def setupUi(self, AdminDialog):
        if not AdminDialog.objectName():
            AdminDialog.setObjectName(u"AdminDialog")
        AdminDialog.setMinimumSize(QSize(420, 0))
        self.dialogLayout = QVBoxLayout(AdminDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(AdminDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AdminDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.titleLabel = QLabel(AdminDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(AdminDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.emailLabel = QLabel(AdminDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(AdminDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(AdminDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(AdminDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.primaryCheck = QCheckBox(AdminDialog)
        self.primaryCheck.setObjectName(u"primaryCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.primaryCheck)

        self.notesLabel = QLabel(AdminDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(AdminDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 100))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AdminDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AdminDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AdminDialog)

        QMetaObject.connectSlotsByName(AdminDialog)
    # setupUi

    def retranslateUi(self, AdminDialog):
        AdminDialog.setWindowTitle(QCoreApplication.translate("AdminDialog", u"Customer admin", None))
        self.nameLabel.setText(QCoreApplication.translate("AdminDialog", u"&Name", None))
        self.titleLabel.setText(QCoreApplication.translate("AdminDialog", u"&Title", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("AdminDialog", u"e.g. HR Director", None))
        self.emailLabel.setText(QCoreApplication.translate("AdminDialog", u"&Email", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("AdminDialog", u"name@customer.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("AdminDialog", u"&Phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("AdminDialog", u"+1 555 0100", None))
        self.primaryCheck.setText(QCoreApplication.translate("AdminDialog", u"Primary admin of this account", None))
        self.notesLabel.setText(QCoreApplication.translate("AdminDialog", u"N&otes", None))
        self.errorLabel.setText("")
    # retranslateUi

