# Generated from ui/google_account_box.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Settings → Google account (issue 6): who is connected, what csdesk may do, connect and disconnect.

################################################################################
## Form generated from reading UI file 'google_account_box.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_GoogleAccountBox(object):
    def setupUi(self, GoogleAccountBox):
        if not GoogleAccountBox.objectName():
            GoogleAccountBox.setObjectName(u"GoogleAccountBox")
        self.accountLayout = QVBoxLayout(GoogleAccountBox)
        self.accountLayout.setObjectName(u"accountLayout")
        self.accountLabel = QLabel(GoogleAccountBox)
        self.accountLabel.setObjectName(u"accountLabel")
        self.accountLabel.setWordWrap(True)
        self.accountLabel.setTextFormat(Qt.RichText)
        self.accountLabel.setOpenExternalLinks(True)

        self.accountLayout.addWidget(self.accountLabel)

        self.accountButtons = QHBoxLayout()
        self.accountButtons.setObjectName(u"accountButtons")
        self.connectButton = QPushButton(GoogleAccountBox)
        self.connectButton.setObjectName(u"connectButton")

        self.accountButtons.addWidget(self.connectButton)

        self.importButton = QPushButton(GoogleAccountBox)
        self.importButton.setObjectName(u"importButton")

        self.accountButtons.addWidget(self.importButton)

        self.disconnectButton = QPushButton(GoogleAccountBox)
        self.disconnectButton.setObjectName(u"disconnectButton")

        self.accountButtons.addWidget(self.disconnectButton)

        self.accountSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.accountButtons.addItem(self.accountSpacer)


        self.accountLayout.addLayout(self.accountButtons)

        self.keyringLabel = QLabel(GoogleAccountBox)
        self.keyringLabel.setObjectName(u"keyringLabel")
        self.keyringLabel.setWordWrap(True)
        self.keyringLabel.setTextFormat(Qt.RichText)
        self.keyringLabel.setOpenExternalLinks(True)

        self.accountLayout.addWidget(self.keyringLabel)


        self.retranslateUi(GoogleAccountBox)

        QMetaObject.connectSlotsByName(GoogleAccountBox)
    # setupUi

    def retranslateUi(self, GoogleAccountBox):
        GoogleAccountBox.setTitle(QCoreApplication.translate("GoogleAccountBox", u"Google account", None))
        self.accountLabel.setText("")
        self.connectButton.setText(QCoreApplication.translate("GoogleAccountBox", u"Connect\u2026", None))
        self.importButton.setText(QCoreApplication.translate("GoogleAccountBox", u"Import a sign-in\u2026", None))
        self.disconnectButton.setText(QCoreApplication.translate("GoogleAccountBox", u"Disconnect", None))
        self.keyringLabel.setText("")
    # retranslateUi

