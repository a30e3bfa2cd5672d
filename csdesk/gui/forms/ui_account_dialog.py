# Generated from ui/account_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Create or edit an account.

################################################################################
## Form generated from reading UI file 'account_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QTableWidget, QVBoxLayout

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        AccountDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(AccountDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.nameLabel = QLabel(AccountDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AccountDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.externalIdLabel = QLabel(AccountDialog)
        self.externalIdLabel.setObjectName(u"externalIdLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.externalIdLabel)

        self.externalIdEdit = QLineEdit(AccountDialog)
        self.externalIdEdit.setObjectName(u"externalIdEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.externalIdEdit)

        self.parentLabel = QLabel(AccountDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(AccountDialog)
        self.parentCombo.setObjectName(u"parentCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.seatsLabel = QLabel(AccountDialog)
        self.seatsLabel.setObjectName(u"seatsLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.seatsLabel)

        self.seatsSpin = QSpinBox(AccountDialog)
        self.seatsSpin.setObjectName(u"seatsSpin")
        self.seatsSpin.setMaximum(1000000)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.seatsSpin)

        self.stageLabel = QLabel(AccountDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageCombo = QComboBox(AccountDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.stageCombo)

        self.healthLabel = QLabel(AccountDialog)
        self.healthLabel.setObjectName(u"healthLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.healthLabel)

        self.healthCombo = QComboBox(AccountDialog)
        self.healthCombo.setObjectName(u"healthCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.healthCombo)

        self.renewalLabel = QLabel(AccountDialog)
        self.renewalLabel.setObjectName(u"renewalLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.renewalLabel)

        self.renewalEdit = QDateEdit(AccountDialog)
        self.renewalEdit.setObjectName(u"renewalEdit")
        self.renewalEdit.setCalendarPopup(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.renewalEdit)

        self.noRenewalCheck = QCheckBox(AccountDialog)
        self.noRenewalCheck.setObjectName(u"noRenewalCheck")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.noRenewalCheck)

        self.amLabel = QLabel(AccountDialog)
        self.amLabel.setObjectName(u"amLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.amLabel)

        self.amCombo = QComboBox(AccountDialog)
        self.amCombo.setObjectName(u"amCombo")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.amCombo)

        self.rmLabel = QLabel(AccountDialog)
        self.rmLabel.setObjectName(u"rmLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.rmLabel)

        self.rmCombo = QComboBox(AccountDialog)
        self.rmCombo.setObjectName(u"rmCombo")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.rmCombo)

        self.websiteLabel = QLabel(AccountDialog)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(AccountDialog)
        self.websiteEdit.setObjectName(u"websiteEdit")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.productsLabel = QLabel(AccountDialog)
        self.productsLabel.setObjectName(u"productsLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.productsLabel)

        self.productsTable = QTableWidget(AccountDialog)
        self.productsTable.setObjectName(u"productsTable")
        self.productsTable.setMinimumSize(QSize(0, 200))
        self.productsTable.setMaximumSize(QSize(16777215, 260))

        self.formLayout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.productsTable)

        self.notesLabel = QLabel(AccountDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(AccountDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 110))

        self.formLayout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(AccountDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AccountDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.externalIdLabel.setBuddy(self.externalIdEdit)
        self.parentLabel.setBuddy(self.parentCombo)
        self.seatsLabel.setBuddy(self.seatsSpin)
        self.stageLabel.setBuddy(self.stageCombo)
        self.healthLabel.setBuddy(self.healthCombo)
        self.renewalLabel.setBuddy(self.renewalEdit)
        self.amLabel.setBuddy(self.amCombo)
        self.rmLabel.setBuddy(self.rmCombo)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.productsLabel.setBuddy(self.productsTable)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"Account", None))
        self.nameLabel.setText(QCoreApplication.translate("AccountDialog", u"&Name", None))
        self.externalIdLabel.setText(QCoreApplication.translate("AccountDialog", u"External &id", None))
        self.externalIdEdit.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"Salesforce account id (optional)", None))
        self.parentLabel.setText(QCoreApplication.translate("AccountDialog", u"&Franchise parent", None))
        self.seatsLabel.setText(QCoreApplication.translate("AccountDialog", u"Paid &seats", None))
        self.stageLabel.setText(QCoreApplication.translate("AccountDialog", u"Lifecycle &stage", None))
        self.healthLabel.setText(QCoreApplication.translate("AccountDialog", u"&Health", None))
        self.renewalLabel.setText(QCoreApplication.translate("AccountDialog", u"&Renewal", None))
        self.renewalEdit.setDisplayFormat(QCoreApplication.translate("AccountDialog", u"yyyy-MM-dd", None))
        self.noRenewalCheck.setText(QCoreApplication.translate("AccountDialog", u"No renewal date", None))
        self.amLabel.setText(QCoreApplication.translate("AccountDialog", u"&Account manager", None))
        self.rmLabel.setText(QCoreApplication.translate("AccountDialog", u"Re&gional manager", None))
        self.websiteLabel.setText(QCoreApplication.translate("AccountDialog", u"&Website", None))
        self.websiteEdit.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"https://\u2026", None))
        self.productsLabel.setText(QCoreApplication.translate("AccountDialog", u"&Products", None))
        self.notesLabel.setText(QCoreApplication.translate("AccountDialog", u"N&otes", None))
        self.errorLabel.setText("")
    # retranslateUi

