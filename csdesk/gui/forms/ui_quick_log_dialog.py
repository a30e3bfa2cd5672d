# Generated from ui/quick_log_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Quick log (Ctrl+L): record an email, call, chat, meeting... on the account's timeline.

################################################################################
## Form generated from reading UI file 'quick_log_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_QuickLogDialog(object):
    def setupUi(self, QuickLogDialog):
        if not QuickLogDialog.objectName():
            QuickLogDialog.setObjectName(u"QuickLogDialog")
        QuickLogDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(QuickLogDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.accountLabel = QLabel(QuickLogDialog)
        self.accountLabel.setObjectName(u"accountLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(QuickLogDialog)
        self.accountCombo.setObjectName(u"accountCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.channelLabel = QLabel(QuickLogDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(QuickLogDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.directionLabel = QLabel(QuickLogDialog)
        self.directionLabel.setObjectName(u"directionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.directionLabel)

        self.directionCombo = QComboBox(QuickLogDialog)
        self.directionCombo.setObjectName(u"directionCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.directionCombo)

        self.counterpartLabel = QLabel(QuickLogDialog)
        self.counterpartLabel.setObjectName(u"counterpartLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.counterpartLabel)

        self.counterpartCombo = QComboBox(QuickLogDialog)
        self.counterpartCombo.setObjectName(u"counterpartCombo")
        self.counterpartCombo.setEditable(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.counterpartCombo)

        self.whenLabel = QLabel(QuickLogDialog)
        self.whenLabel.setObjectName(u"whenLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenEdit = QDateTimeEdit(QuickLogDialog)
        self.whenEdit.setObjectName(u"whenEdit")
        self.whenEdit.setCalendarPopup(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.whenEdit)

        self.itemLabel = QLabel(QuickLogDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(QuickLogDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.summaryLabel = QLabel(QuickLogDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(QuickLogDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumSize(QSize(16777215, 160))

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.summaryEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(QuickLogDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(QuickLogDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.channelLabel.setBuddy(self.channelCombo)
        self.directionLabel.setBuddy(self.directionCombo)
        self.counterpartLabel.setBuddy(self.counterpartCombo)
        self.whenLabel.setBuddy(self.whenEdit)
        self.itemLabel.setBuddy(self.itemCombo)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(QuickLogDialog)

        QMetaObject.connectSlotsByName(QuickLogDialog)
    # setupUi

    def retranslateUi(self, QuickLogDialog):
        QuickLogDialog.setWindowTitle(QCoreApplication.translate("QuickLogDialog", u"Log a conversation", None))
        self.accountLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&Account", None))
        self.channelLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&Channel", None))
        self.directionLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&Direction", None))
        self.counterpartLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&With", None))
        self.whenLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&When", None))
        self.whenEdit.setDisplayFormat(QCoreApplication.translate("QuickLogDialog", u"yyyy-MM-dd HH:mm", None))
        self.itemLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&Item", None))
        self.summaryLabel.setText(QCoreApplication.translate("QuickLogDialog", u"&Summary", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("QuickLogDialog", u"What was said or agreed: this is your communication proof (R12)", None))
        self.errorLabel.setText("")
    # retranslateUi

