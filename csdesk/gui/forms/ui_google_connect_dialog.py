# Generated from ui/google_connect_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Connect a Google account (issue 6): the user's Desktop-app OAuth client, the features (scopes), the browser.

################################################################################
## Form generated from reading UI file 'google_connect_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout

class Ui_GoogleConnectDialog(object):
    def setupUi(self, GoogleConnectDialog):
        if not GoogleConnectDialog.objectName():
            GoogleConnectDialog.setObjectName(u"GoogleConnectDialog")
        GoogleConnectDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(GoogleConnectDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(GoogleConnectDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)
        self.introLabel.setOpenExternalLinks(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.fileForm = QFormLayout()
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.clientFileLabel = QLabel(GoogleConnectDialog)
        self.clientFileLabel.setObjectName(u"clientFileLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.clientFileLabel)

        self.clientFileRow = QHBoxLayout()
        self.clientFileRow.setObjectName(u"clientFileRow")
        self.clientFileEdit = QLineEdit(GoogleConnectDialog)
        self.clientFileEdit.setObjectName(u"clientFileEdit")

        self.clientFileRow.addWidget(self.clientFileEdit)

        self.browseButton = QPushButton(GoogleConnectDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.clientFileRow.addWidget(self.browseButton)


        self.fileForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.clientFileRow)


        self.dialogLayout.addLayout(self.fileForm)

        self.featuresBox = QGroupBox(GoogleConnectDialog)
        self.featuresBox.setObjectName(u"featuresBox")
        self.featuresLayout = QVBoxLayout(self.featuresBox)
        self.featuresLayout.setObjectName(u"featuresLayout")

        self.dialogLayout.addWidget(self.featuresBox)

        self.statusLabel = QLabel(GoogleConnectDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextFormat(Qt.RichText)
        self.statusLabel.setOpenExternalLinks(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.progressBar = QProgressBar(GoogleConnectDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.dialogLayout.addWidget(self.progressBar)

        self.buttonBox = QDialogButtonBox(GoogleConnectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.clientFileLabel.setBuddy(self.clientFileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(GoogleConnectDialog)

        QMetaObject.connectSlotsByName(GoogleConnectDialog)
    # setupUi

    def retranslateUi(self, GoogleConnectDialog):
        GoogleConnectDialog.setWindowTitle(QCoreApplication.translate("GoogleConnectDialog", u"Connect a Google account", None))
        self.introLabel.setText("")
        self.clientFileLabel.setText(QCoreApplication.translate("GoogleConnectDialog", u"OAuth &client file", None))
        self.clientFileEdit.setPlaceholderText(QCoreApplication.translate("GoogleConnectDialog", u"client_secret_\u2026.json from Google Cloud console", None))
        self.browseButton.setText(QCoreApplication.translate("GoogleConnectDialog", u"Browse\u2026", None))
        self.featuresBox.setTitle(QCoreApplication.translate("GoogleConnectDialog", u"csdesk may", None))
        self.statusLabel.setText("")
    # retranslateUi

