# Generated from ui/google_panel.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Issue 6: apply the out-of-office plan in Google (auto-reply, out-of-office event, meetings, shared sheet).

################################################################################
## Form generated from reading UI file 'google_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QTableWidget, QVBoxLayout

class Ui_GooglePanel(object):
    def setupUi(self, GooglePanel):
        if not GooglePanel.objectName():
            GooglePanel.setObjectName(u"GooglePanel")
        self.panelLayout = QVBoxLayout(GooglePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.connectionRow = QHBoxLayout()
        self.connectionRow.setObjectName(u"connectionRow")
        self.connectionLabel = QLabel(GooglePanel)
        self.connectionLabel.setObjectName(u"connectionLabel")
        self.connectionLabel.setWordWrap(True)
        self.connectionLabel.setTextFormat(Qt.RichText)
        self.connectionLabel.setOpenExternalLinks(True)

        self.connectionRow.addWidget(self.connectionLabel)

        self.connectButton = QPushButton(GooglePanel)
        self.connectButton.setObjectName(u"connectButton")

        self.connectionRow.addWidget(self.connectButton)


        self.panelLayout.addLayout(self.connectionRow)

        self.optionsBox = QGroupBox(GooglePanel)
        self.optionsBox.setObjectName(u"optionsBox")
        self.optionsLayout = QFormLayout(self.optionsBox)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsLayout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.restrictComboLabel = QLabel(self.optionsBox)
        self.restrictComboLabel.setObjectName(u"restrictComboLabel")

        self.optionsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.restrictComboLabel)

        self.restrictCombo = QComboBox(self.optionsBox)
        self.restrictCombo.setObjectName(u"restrictCombo")

        self.optionsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.restrictCombo)

        self.declineComboLabel = QLabel(self.optionsBox)
        self.declineComboLabel.setObjectName(u"declineComboLabel")

        self.optionsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.declineComboLabel)

        self.declineCombo = QComboBox(self.optionsBox)
        self.declineCombo.setObjectName(u"declineCombo")

        self.optionsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.declineCombo)

        self.handoffEditLabel = QLabel(self.optionsBox)
        self.handoffEditLabel.setObjectName(u"handoffEditLabel")

        self.optionsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.handoffEditLabel)

        self.handoffRow = QHBoxLayout()
        self.handoffRow.setObjectName(u"handoffRow")
        self.handoffEdit = QDateTimeEdit(self.optionsBox)
        self.handoffEdit.setObjectName(u"handoffEdit")
        self.handoffEdit.setCalendarPopup(True)

        self.handoffRow.addWidget(self.handoffEdit)

        self.handoffNote = QLabel(self.optionsBox)
        self.handoffNote.setObjectName(u"handoffNote")
        self.handoffNote.setWordWrap(True)

        self.handoffRow.addWidget(self.handoffNote)


        self.optionsLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.handoffRow)

        self.returnEditLabel = QLabel(self.optionsBox)
        self.returnEditLabel.setObjectName(u"returnEditLabel")

        self.optionsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.returnEditLabel)

        self.returnEdit = QDateTimeEdit(self.optionsBox)
        self.returnEdit.setObjectName(u"returnEdit")
        self.returnEdit.setCalendarPopup(True)

        self.optionsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.returnEdit)


        self.panelLayout.addWidget(self.optionsBox)

        self.stepsTable = QTableWidget(GooglePanel)
        self.stepsTable.setObjectName(u"stepsTable")
        self.stepsTable.setMinimumSize(QSize(0, 150))
        self.stepsTable.setAlternatingRowColors(True)

        self.panelLayout.addWidget(self.stepsTable)

        self.availabilityRow = QHBoxLayout()
        self.availabilityRow.setObjectName(u"availabilityRow")
        self.availabilityLabel = QLabel(GooglePanel)
        self.availabilityLabel.setObjectName(u"availabilityLabel")
        self.availabilityLabel.setWordWrap(True)
        self.availabilityLabel.setTextFormat(Qt.RichText)
        self.availabilityLabel.setOpenExternalLinks(True)

        self.availabilityRow.addWidget(self.availabilityLabel)

        self.checkBackupButton = QPushButton(GooglePanel)
        self.checkBackupButton.setObjectName(u"checkBackupButton")

        self.availabilityRow.addWidget(self.checkBackupButton)


        self.panelLayout.addLayout(self.availabilityRow)

        self.applyRow = QHBoxLayout()
        self.applyRow.setObjectName(u"applyRow")
        self.progressBar = QProgressBar(GooglePanel)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)
        self.progressBar.setTextVisible(False)

        self.applyRow.addWidget(self.progressBar)

        self.cancelButton = QPushButton(GooglePanel)
        self.cancelButton.setObjectName(u"cancelButton")

        self.applyRow.addWidget(self.cancelButton)

        self.previewButton = QPushButton(GooglePanel)
        self.previewButton.setObjectName(u"previewButton")

        self.applyRow.addWidget(self.previewButton)

        self.applyButton = QPushButton(GooglePanel)
        self.applyButton.setObjectName(u"applyButton")

        self.applyRow.addWidget(self.applyButton)


        self.panelLayout.addLayout(self.applyRow)

        self.resultLabel = QLabel(GooglePanel)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextFormat(Qt.RichText)
        self.resultLabel.setOpenExternalLinks(True)

        self.panelLayout.addWidget(self.resultLabel)

#if QT_CONFIG(shortcut)
        self.restrictComboLabel.setBuddy(self.restrictCombo)
        self.declineComboLabel.setBuddy(self.declineCombo)
        self.handoffEditLabel.setBuddy(self.handoffEdit)
        self.returnEditLabel.setBuddy(self.returnEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(GooglePanel)

        QMetaObject.connectSlotsByName(GooglePanel)
    # setupUi

    def retranslateUi(self, GooglePanel):
        self.connectionLabel.setText("")
        self.connectButton.setText(QCoreApplication.translate("GooglePanel", u"Connect Google account\u2026", None))
        self.optionsBox.setTitle(QCoreApplication.translate("GooglePanel", u"Options", None))
        self.restrictComboLabel.setText(QCoreApplication.translate("GooglePanel", u"Auto-reply &goes to", None))
        self.declineComboLabel.setText(QCoreApplication.translate("GooglePanel", u"While away, &decline", None))
        self.handoffEditLabel.setText(QCoreApplication.translate("GooglePanel", u"&Hand-off meeting", None))
        self.handoffEdit.setDisplayFormat(QCoreApplication.translate("GooglePanel", u"ddd dd MMM yyyy HH:mm", None))
        self.handoffNote.setText("")
        self.returnEditLabel.setText(QCoreApplication.translate("GooglePanel", u"&Return meeting", None))
        self.returnEdit.setDisplayFormat(QCoreApplication.translate("GooglePanel", u"ddd dd MMM yyyy HH:mm", None))
        self.availabilityLabel.setText("")
        self.checkBackupButton.setText(QCoreApplication.translate("GooglePanel", u"Check the backup's calendar", None))
        self.cancelButton.setText(QCoreApplication.translate("GooglePanel", u"Cancel", None))
        self.previewButton.setText(QCoreApplication.translate("GooglePanel", u"Preview", None))
        self.applyButton.setText(QCoreApplication.translate("GooglePanel", u"Apply in Google", None))
        self.resultLabel.setText("")
        pass
    # retranslateUi

