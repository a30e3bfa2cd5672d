# Generated from ui/ooo_wizard.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Out-of-office wizard (issue 5): dates, people, triage, context, auto-reply, checklist, summary. Saved at every step.

################################################################################
## Form generated from reading UI file 'ooo_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableWidget, QTextBrowser, QTreeWidget, QVBoxLayout, QWizardPage

class Ui_OooWizard(object):
    def setupUi(self, OooWizard):
        if not OooWizard.objectName():
            OooWizard.setObjectName(u"OooWizard")
        OooWizard.setMinimumSize(QSize(900, 640))
        self.datesPage = QWizardPage()
        self.datesPage.setObjectName(u"datesPage")
        self.datesLayout = QVBoxLayout(self.datesPage)
        self.datesLayout.setObjectName(u"datesLayout")
        self.datesForm = QFormLayout()
        self.datesForm.setObjectName(u"datesForm")
        self.datesForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.firstDayLabel = QLabel(self.datesPage)
        self.firstDayLabel.setObjectName(u"firstDayLabel")

        self.datesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstDayLabel)

        self.firstDayEdit = QDateEdit(self.datesPage)
        self.firstDayEdit.setObjectName(u"firstDayEdit")
        self.firstDayEdit.setCalendarPopup(True)

        self.datesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstDayEdit)

        self.returnDayLabel = QLabel(self.datesPage)
        self.returnDayLabel.setObjectName(u"returnDayLabel")

        self.datesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.returnDayLabel)

        self.returnDayEdit = QDateEdit(self.datesPage)
        self.returnDayEdit.setObjectName(u"returnDayEdit")
        self.returnDayEdit.setCalendarPopup(True)

        self.datesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.returnDayEdit)

        self.timezoneLabel = QLabel(self.datesPage)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.datesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneCombo = QComboBox(self.datesPage)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.datesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timezoneCombo)


        self.datesLayout.addLayout(self.datesForm)

        self.datesError = QLabel(self.datesPage)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)

        self.datesLayout.addWidget(self.datesError)

        self.deadlinesTree = QTreeWidget(self.datesPage)
        self.deadlinesTree.setObjectName(u"deadlinesTree")
        self.deadlinesTree.setRootIsDecorated(False)
        self.deadlinesTree.setAlternatingRowColors(True)

        self.datesLayout.addWidget(self.deadlinesTree)

        OooWizard.addPage(self.datesPage)
        self.peoplePage = QWizardPage()
        self.peoplePage.setObjectName(u"peoplePage")
        self.peopleLayout = QVBoxLayout(self.peoplePage)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleForm = QFormLayout()
        self.peopleForm.setObjectName(u"peopleForm")
        self.peopleForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.teamLeadLabel = QLabel(self.peoplePage)
        self.teamLeadLabel.setObjectName(u"teamLeadLabel")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.teamLeadLabel)

        self.teamLeadCombo = QComboBox(self.peoplePage)
        self.teamLeadCombo.setObjectName(u"teamLeadCombo")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.teamLeadCombo)

        self.backupLabel = QLabel(self.peoplePage)
        self.backupLabel.setObjectName(u"backupLabel")

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.backupLabel)

        self.backupCombo = QComboBox(self.peoplePage)
        self.backupCombo.setObjectName(u"backupCombo")

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.backupCombo)


        self.peopleLayout.addLayout(self.peopleForm)

        self.peopleWarning = QLabel(self.peoplePage)
        self.peopleWarning.setObjectName(u"peopleWarning")
        self.peopleWarning.setWordWrap(True)

        self.peopleLayout.addWidget(self.peopleWarning)

        self.peopleSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.peopleLayout.addItem(self.peopleSpacer)

        OooWizard.addPage(self.peoplePage)
        self.triagePage = QWizardPage()
        self.triagePage.setObjectName(u"triagePage")
        self.triageLayout = QVBoxLayout(self.triagePage)
        self.triageLayout.setObjectName(u"triageLayout")
        self.triageTable = QTableWidget(self.triagePage)
        self.triageTable.setObjectName(u"triageTable")

        self.triageLayout.addWidget(self.triageTable)

        self.triageSummary = QLabel(self.triagePage)
        self.triageSummary.setObjectName(u"triageSummary")
        self.triageSummary.setWordWrap(True)

        self.triageLayout.addWidget(self.triageSummary)

        OooWizard.addPage(self.triagePage)
        self.contextPage = QWizardPage()
        self.contextPage.setObjectName(u"contextPage")
        self.contextLayout = QHBoxLayout(self.contextPage)
        self.contextLayout.setObjectName(u"contextLayout")
        self.flaggedList = QListWidget(self.contextPage)
        self.flaggedList.setObjectName(u"flaggedList")
        self.flaggedList.setMaximumSize(QSize(340, 16777215))

        self.contextLayout.addWidget(self.flaggedList)

        self.contextRight = QVBoxLayout()
        self.contextRight.setObjectName(u"contextRight")
        self.contextItemLabel = QLabel(self.contextPage)
        self.contextItemLabel.setObjectName(u"contextItemLabel")
        self.contextItemLabel.setWordWrap(True)

        self.contextRight.addWidget(self.contextItemLabel)

        self.contextForm = QFormLayout()
        self.contextForm.setObjectName(u"contextForm")
        self.contextForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.adminLabel = QLabel(self.contextPage)
        self.adminLabel.setObjectName(u"adminLabel")

        self.contextForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminLabel)

        self.adminCombo = QComboBox(self.contextPage)
        self.adminCombo.setObjectName(u"adminCombo")

        self.contextForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminCombo)


        self.contextRight.addLayout(self.contextForm)

        self.contextEdit = QPlainTextEdit(self.contextPage)
        self.contextEdit.setObjectName(u"contextEdit")

        self.contextRight.addWidget(self.contextEdit)

        self.missingLabel = QLabel(self.contextPage)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.contextRight.addWidget(self.missingLabel)


        self.contextLayout.addLayout(self.contextRight)

        OooWizard.addPage(self.contextPage)
        self.replyPage = QWizardPage()
        self.replyPage.setObjectName(u"replyPage")
        self.replyLayout = QVBoxLayout(self.replyPage)
        self.replyLayout.setObjectName(u"replyLayout")
        self.replyForm = QFormLayout()
        self.replyForm.setObjectName(u"replyForm")
        self.replyForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.subjectLabel = QLabel(self.replyPage)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.replyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subjectEdit = QLineEdit(self.replyPage)
        self.subjectEdit.setObjectName(u"subjectEdit")

        self.replyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subjectEdit)


        self.replyLayout.addLayout(self.replyForm)

        self.replySplitter = QSplitter(self.replyPage)
        self.replySplitter.setObjectName(u"replySplitter")
        self.replySplitter.setOrientation(Qt.Horizontal)
        self.bodyEdit = QPlainTextEdit(self.replySplitter)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.replySplitter.addWidget(self.bodyEdit)
        self.previewBrowser = QTextBrowser(self.replySplitter)
        self.previewBrowser.setObjectName(u"previewBrowser")
        self.replySplitter.addWidget(self.previewBrowser)

        self.replyLayout.addWidget(self.replySplitter)

        self.replyError = QLabel(self.replyPage)
        self.replyError.setObjectName(u"replyError")
        self.replyError.setWordWrap(True)

        self.replyLayout.addWidget(self.replyError)

        self.googleLabel = QLabel(self.replyPage)
        self.googleLabel.setObjectName(u"googleLabel")
        self.googleLabel.setWordWrap(True)

        self.replyLayout.addWidget(self.googleLabel)

        OooWizard.addPage(self.replyPage)
        self.checklistPage = QWizardPage()
        self.checklistPage.setObjectName(u"checklistPage")
        self.checklistLayout = QVBoxLayout(self.checklistPage)
        self.checklistLayout.setObjectName(u"checklistLayout")
        self.checklistTable = QTableWidget(self.checklistPage)
        self.checklistTable.setObjectName(u"checklistTable")

        self.checklistLayout.addWidget(self.checklistTable)

        self.readyTextBrowser = QTextBrowser(self.checklistPage)
        self.readyTextBrowser.setObjectName(u"readyTextBrowser")
        self.readyTextBrowser.setMaximumSize(QSize(16777215, 150))

        self.checklistLayout.addWidget(self.readyTextBrowser)

        self.copyTextButton = QPushButton(self.checklistPage)
        self.copyTextButton.setObjectName(u"copyTextButton")

        self.checklistLayout.addWidget(self.copyTextButton)

        OooWizard.addPage(self.checklistPage)
        self.googlePage = QWizardPage()
        self.googlePage.setObjectName(u"googlePage")
        self.googleLayout = QVBoxLayout(self.googlePage)
        self.googleLayout.setObjectName(u"googleLayout")
        OooWizard.addPage(self.googlePage)
        self.summaryPage = QWizardPage()
        self.summaryPage.setObjectName(u"summaryPage")
        self.summaryLayout = QVBoxLayout(self.summaryPage)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryBrowser = QTextBrowser(self.summaryPage)
        self.summaryBrowser.setObjectName(u"summaryBrowser")

        self.summaryLayout.addWidget(self.summaryBrowser)

        self.exportButtons = QHBoxLayout()
        self.exportButtons.setObjectName(u"exportButtons")
        self.xlsxButton = QPushButton(self.summaryPage)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.exportButtons.addWidget(self.xlsxButton)

        self.csvButton = QPushButton(self.summaryPage)
        self.csvButton.setObjectName(u"csvButton")

        self.exportButtons.addWidget(self.csvButton)

        self.pdfButton = QPushButton(self.summaryPage)
        self.pdfButton.setObjectName(u"pdfButton")

        self.exportButtons.addWidget(self.pdfButton)

        self.icsButton = QPushButton(self.summaryPage)
        self.icsButton.setObjectName(u"icsButton")

        self.exportButtons.addWidget(self.icsButton)

        self.delegateButton = QPushButton(self.summaryPage)
        self.delegateButton.setObjectName(u"delegateButton")

        self.exportButtons.addWidget(self.delegateButton)

        self.exportSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportButtons.addItem(self.exportSpacer)


        self.summaryLayout.addLayout(self.exportButtons)

        self.exportLabel = QLabel(self.summaryPage)
        self.exportLabel.setObjectName(u"exportLabel")
        self.exportLabel.setWordWrap(True)

        self.summaryLayout.addWidget(self.exportLabel)

        OooWizard.addPage(self.summaryPage)
#if QT_CONFIG(shortcut)
        self.firstDayLabel.setBuddy(self.firstDayEdit)
        self.returnDayLabel.setBuddy(self.returnDayEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.teamLeadLabel.setBuddy(self.teamLeadCombo)
        self.backupLabel.setBuddy(self.backupCombo)
        self.adminLabel.setBuddy(self.adminCombo)
        self.subjectLabel.setBuddy(self.subjectEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OooWizard)

        QMetaObject.connectSlotsByName(OooWizard)
    # setupUi

    def retranslateUi(self, OooWizard):
        OooWizard.setWindowTitle(QCoreApplication.translate("OooWizard", u"Out of office", None))
        self.datesPage.setTitle(QCoreApplication.translate("OooWizard", u"When are you away?", None))
        self.datesPage.setSubTitle(QCoreApplication.translate("OooWizard", u"Your first day of leave and the day you are back. csdesk counts the SOP deadlines back from the first day, in working days.", None))
        self.firstDayLabel.setText(QCoreApplication.translate("OooWizard", u"&First day of leave", None))
        self.firstDayEdit.setDisplayFormat(QCoreApplication.translate("OooWizard", u"ddd dd MMM yyyy", None))
        self.returnDayLabel.setText(QCoreApplication.translate("OooWizard", u"&Back on", None))
        self.returnDayEdit.setDisplayFormat(QCoreApplication.translate("OooWizard", u"ddd dd MMM yyyy", None))
        self.timezoneLabel.setText(QCoreApplication.translate("OooWizard", u"&Time zone", None))
        self.datesError.setText("")
        self.peoplePage.setTitle(QCoreApplication.translate("OooWizard", u"Who covers for you?", None))
        self.peoplePage.setSubTitle(QCoreApplication.translate("OooWizard", u"Your team lead designates the backup (R15). The backup must be someone else in the Directory.", None))
        self.teamLeadLabel.setText(QCoreApplication.translate("OooWizard", u"&Team lead", None))
        self.backupLabel.setText(QCoreApplication.translate("OooWizard", u"&Backup", None))
        self.peopleWarning.setText("")
        self.triagePage.setTitle(QCoreApplication.translate("OooWizard", u"What can wait?", None))
        self.triagePage.setSubTitle(QCoreApplication.translate("OooWizard", u"High: cannot wait, delegate now. Medium: can wait a little. Low: can wait for your return (left out of the hand-off sheet). Change any level; the reason for csdesk's proposal is shown.", None))
        self.triageSummary.setText("")
        self.contextPage.setTitle(QCoreApplication.translate("OooWizard", u"What does the backup need to know?", None))
        self.contextPage.setSubTitle(QCoreApplication.translate("OooWizard", u"For every item flagged for the backup: the customer's admin to contact, and the context and next steps (R15).", None))
        self.contextItemLabel.setText("")
        self.adminLabel.setText(QCoreApplication.translate("OooWizard", u"&Admin", None))
        self.contextEdit.setPlaceholderText(QCoreApplication.translate("OooWizard", u"Where it stands, what to do next, who to ask, what the customer was told\u2026", None))
        self.missingLabel.setText("")
        self.replyPage.setTitle(QCoreApplication.translate("OooWizard", u"Your auto-reply", None))
        self.replyPage.setSubTitle(QCoreApplication.translate("OooWizard", u"Sent by Gmail while you are away (R16). Placeholders in braces are filled in; the preview shows what your customers will read.", None))
        self.subjectLabel.setText(QCoreApplication.translate("OooWizard", u"&Subject", None))
        self.replyError.setText("")
        self.googleLabel.setText("")
        self.checklistPage.setTitle(QCoreApplication.translate("OooWizard", u"The checklist", None))
        self.checklistPage.setSubTitle(QCoreApplication.translate("OooWizard", u"Every step of the SOP with its owner and deadline (R18). Tick what is done; late steps show on Today.", None))
        self.copyTextButton.setText(QCoreApplication.translate("OooWizard", u"&Copy this message", None))
        self.googlePage.setTitle(QCoreApplication.translate("OooWizard", u"Google", None))
        self.googlePage.setSubTitle(QCoreApplication.translate("OooWizard", u"Let csdesk set the auto-reply, the out-of-office event and the meetings, and share the hand-off sheet with your backup. Each step can be applied again safely.", None))
        self.summaryPage.setTitle(QCoreApplication.translate("OooWizard", u"Summary", None))
        self.summaryPage.setSubTitle(QCoreApplication.translate("OooWizard", u"Everything on one page. Export the hand-off sheet and share it with your backup at the hand-off meeting.", None))
        self.xlsxButton.setText(QCoreApplication.translate("OooWizard", u"Hand-off sheet (&XLSX)\u2026", None))
        self.csvButton.setText(QCoreApplication.translate("OooWizard", u"Pending items (&CSV)\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("OooWizard", u"Printable (&PDF)\u2026", None))
        self.icsButton.setText(QCoreApplication.translate("OooWizard", u"Calendar (&ICS)\u2026", None))
        self.delegateButton.setText(QCoreApplication.translate("OooWizard", u"&Delegate flagged items to the backup", None))
        self.exportLabel.setText("")
    # retranslateUi

