# Generated from ui/follow_up_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Record a follow-up (R4): time, channel and note on the item's log.

################################################################################
## Form generated from reading UI file 'follow_up_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_FollowUpDialog(object):
    def setupUi(self, FollowUpDialog):
        if not FollowUpDialog.objectName():
            FollowUpDialog.setObjectName(u"FollowUpDialog")
        FollowUpDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(FollowUpDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.itemLabel = QLabel(FollowUpDialog)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.itemLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.channelLabel = QLabel(FollowUpDialog)
        self.channelLabel.setObjectName(u"channelLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(FollowUpDialog)
        self.channelCombo.setObjectName(u"channelCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.whenLabel = QLabel(FollowUpDialog)
        self.whenLabel.setObjectName(u"whenLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenEdit = QDateTimeEdit(FollowUpDialog)
        self.whenEdit.setObjectName(u"whenEdit")
        self.whenEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whenEdit)

        self.noteLabel = QLabel(FollowUpDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(FollowUpDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaximumSize(QSize(16777215, 120))

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FollowUpDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FollowUpDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.channelLabel.setBuddy(self.channelCombo)
        self.whenLabel.setBuddy(self.whenEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FollowUpDialog)

        QMetaObject.connectSlotsByName(FollowUpDialog)
    # setupUi

    def retranslateUi(self, FollowUpDialog):
        FollowUpDialog.setWindowTitle(QCoreApplication.translate("FollowUpDialog", u"Follow up", None))
        self.itemLabel.setText("")
        self.channelLabel.setText(QCoreApplication.translate("FollowUpDialog", u"&Channel", None))
        self.whenLabel.setText(QCoreApplication.translate("FollowUpDialog", u"&When", None))
        self.whenEdit.setDisplayFormat(QCoreApplication.translate("FollowUpDialog", u"yyyy-MM-dd HH:mm", None))
        self.noteLabel.setText(QCoreApplication.translate("FollowUpDialog", u"&Note", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("FollowUpDialog", u"What you asked or told, and to whom", None))
        self.errorLabel.setText("")
    # retranslateUi

