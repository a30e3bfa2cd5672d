# Generated from ui/colleague_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Create or edit a colleague and their roles.

################################################################################
## Form generated from reading UI file 'colleague_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QVBoxLayout

class Ui_ColleagueDialog(object):
    def setupUi(self, ColleagueDialog):
        if not ColleagueDialog.objectName():
            ColleagueDialog.setObjectName(u"ColleagueDialog")
        ColleagueDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(ColleagueDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(ColleagueDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ColleagueDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.titleLabel = QLabel(ColleagueDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ColleagueDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.emailLabel = QLabel(ColleagueDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(ColleagueDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(ColleagueDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ColleagueDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.departmentLabel = QLabel(ColleagueDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(ColleagueDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.rolesLabel = QLabel(ColleagueDialog)
        self.rolesLabel.setObjectName(u"rolesLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.rolesLabel)

        self.rolesList = QListWidget(ColleagueDialog)
        self.rolesList.setObjectName(u"rolesList")
        self.rolesList.setMaximumSize(QSize(16777215, 190))

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rolesList)

        self.notesLabel = QLabel(ColleagueDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ColleagueDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 90))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(ColleagueDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ColleagueDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.rolesLabel.setBuddy(self.rolesList)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ColleagueDialog)

        QMetaObject.connectSlotsByName(ColleagueDialog)
    # setupUi

    def retranslateUi(self, ColleagueDialog):
        ColleagueDialog.setWindowTitle(QCoreApplication.translate("ColleagueDialog", u"Colleague", None))
        self.nameLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Name", None))
        self.titleLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Title", None))
        self.emailLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Email", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("ColleagueDialog", u"name@company.com", None))
        self.phoneLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Phone", None))
        self.departmentLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Department", None))
        self.rolesLabel.setText(QCoreApplication.translate("ColleagueDialog", u"&Roles", None))
        self.notesLabel.setText(QCoreApplication.translate("ColleagueDialog", u"N&otes", None))
        self.errorLabel.setText("")
    # retranslateUi

