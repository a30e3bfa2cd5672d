# Generated from ui/department_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Create or edit a department and its contacts (R1).

################################################################################
## Form generated from reading UI file 'department_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.setMinimumSize(QSize(600, 0))
        self.dialogLayout = QVBoxLayout(DepartmentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(DepartmentDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(DepartmentDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.descriptionLabel = QLabel(DepartmentDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QLineEdit(DepartmentDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.routingLabel = QLabel(DepartmentDialog)
        self.routingLabel.setObjectName(u"routingLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.routingLabel)

        self.routingEdit = QPlainTextEdit(DepartmentDialog)
        self.routingEdit.setObjectName(u"routingEdit")
        self.routingEdit.setMaximumSize(QSize(16777215, 80))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.routingEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.contactsHeading = QLabel(DepartmentDialog)
        self.contactsHeading.setObjectName(u"contactsHeading")

        self.dialogLayout.addWidget(self.contactsHeading)

        self.contactsTable = QTableWidget(DepartmentDialog)
        self.contactsTable.setObjectName(u"contactsTable")

        self.dialogLayout.addWidget(self.contactsTable)

        self.contactButtons = QHBoxLayout()
        self.contactButtons.setObjectName(u"contactButtons")
        self.colleagueCombo = QComboBox(DepartmentDialog)
        self.colleagueCombo.setObjectName(u"colleagueCombo")

        self.contactButtons.addWidget(self.colleagueCombo)

        self.addContactButton = QPushButton(DepartmentDialog)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactButtons.addWidget(self.addContactButton)

        self.removeContactButton = QPushButton(DepartmentDialog)
        self.removeContactButton.setObjectName(u"removeContactButton")

        self.contactButtons.addWidget(self.removeContactButton)

        self.contactSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactButtons.addItem(self.contactSpacer)


        self.dialogLayout.addLayout(self.contactButtons)

        self.errorLabel = QLabel(DepartmentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DepartmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.routingLabel.setBuddy(self.routingEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DepartmentDialog)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"Department", None))
        self.nameLabel.setText(QCoreApplication.translate("DepartmentDialog", u"&Name", None))
        self.descriptionLabel.setText(QCoreApplication.translate("DepartmentDialog", u"&Description", None))
        self.routingLabel.setText(QCoreApplication.translate("DepartmentDialog", u"&Routing notes", None))
        self.routingEdit.setPlaceholderText(QCoreApplication.translate("DepartmentDialog", u"e.g. operational matters \u2192 A; client matters \u2192 B (A's CSS)", None))
        self.contactsHeading.setText(QCoreApplication.translate("DepartmentDialog", u"Contacts \u2014 the first marked primary is who new tasks go to:", None))
        self.addContactButton.setText(QCoreApplication.translate("DepartmentDialog", u"&Add contact", None))
        self.removeContactButton.setText(QCoreApplication.translate("DepartmentDialog", u"&Remove", None))
        self.errorLabel.setText("")
    # retranslateUi

