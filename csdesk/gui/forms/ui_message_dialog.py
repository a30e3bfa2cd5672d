# Generated from ui/message_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# A message drafted from a template, to copy into email or chat.

################################################################################
## Form generated from reading UI file 'message_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_MessageDialog(object):
    def setupUi(self, MessageDialog):
        if not MessageDialog.objectName():
            MessageDialog.setObjectName(u"MessageDialog")
        MessageDialog.setMinimumSize(QSize(560, 420))
        self.dialogLayout = QVBoxLayout(MessageDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(MessageDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.subjectLabel = QLabel(MessageDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(MessageDialog)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subjectEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.bodyEdit = QPlainTextEdit(MessageDialog)
        self.bodyEdit.setObjectName(u"bodyEdit")

        self.dialogLayout.addWidget(self.bodyEdit)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.copyButton = QPushButton(MessageDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonsLayout.addWidget(self.copyButton)

        self.msgSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.msgSpacer)

        self.buttonBox = QDialogButtonBox(MessageDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.subjectLabel.setBuddy(self.subjectEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MessageDialog)

        QMetaObject.connectSlotsByName(MessageDialog)
    # setupUi

    def retranslateUi(self, MessageDialog):
        MessageDialog.setWindowTitle(QCoreApplication.translate("MessageDialog", u"Message", None))
        self.introLabel.setText("")
        self.subjectLabel.setText(QCoreApplication.translate("MessageDialog", u"&Subject", None))
        self.copyButton.setText(QCoreApplication.translate("MessageDialog", u"&Copy to clipboard", None))
    # retranslateUi

