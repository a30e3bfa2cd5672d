# Generated from ui/ooo_return_wizard.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Back from leave (issue 5, R19): the backup's tracking log read back and imported, what happened while away, the return-meeting agenda.

################################################################################
## Form generated from reading UI file 'ooo_return_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWizardPage

class Ui_OooReturnWizard(object):
    def setupUi(self, OooReturnWizard):
        if not OooReturnWizard.objectName():
            OooReturnWizard.setObjectName(u"OooReturnWizard")
        OooReturnWizard.setMinimumSize(QSize(900, 640))
        self.trackingPage = QWizardPage()
        self.trackingPage.setObjectName(u"trackingPage")
        self.trackingLayout = QVBoxLayout(self.trackingPage)
        self.trackingLayout.setObjectName(u"trackingLayout")
        self.introLabel = QLabel(self.trackingPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.trackingLayout.addWidget(self.introLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(self.trackingPage)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.fileEdit = QLineEdit(self.trackingPage)
        self.fileEdit.setObjectName(u"fileEdit")
        self.fileEdit.setClearButtonEnabled(True)

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.trackingPage)
        self.browseButton.setObjectName(u"browseButton")

        self.fileLayout.addWidget(self.browseButton)


        self.trackingLayout.addLayout(self.fileLayout)

        self.skipCheck = QCheckBox(self.trackingPage)
        self.skipCheck.setObjectName(u"skipCheck")

        self.trackingLayout.addWidget(self.skipCheck)

        self.readProgress = QProgressBar(self.trackingPage)
        self.readProgress.setObjectName(u"readProgress")
        self.readProgress.setMaximum(0)
        self.readProgress.setTextVisible(False)

        self.trackingLayout.addWidget(self.readProgress)

        self.readLabel = QLabel(self.trackingPage)
        self.readLabel.setObjectName(u"readLabel")
        self.readLabel.setWordWrap(True)

        self.trackingLayout.addWidget(self.readLabel)

        self.rowsTable = QTableWidget(self.trackingPage)
        self.rowsTable.setObjectName(u"rowsTable")
        self.rowsTable.setAlternatingRowColors(True)
        self.rowsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.rowsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.rowsTable.setSelectionMode(QAbstractItemView.SingleSelection)

        self.trackingLayout.addWidget(self.rowsTable)

        OooReturnWizard.addPage(self.trackingPage)
        self.importedPage = QWizardPage()
        self.importedPage.setObjectName(u"importedPage")
        self.importedLayout = QVBoxLayout(self.importedPage)
        self.importedLayout.setObjectName(u"importedLayout")
        self.importSummaryLabel = QLabel(self.importedPage)
        self.importSummaryLabel.setObjectName(u"importSummaryLabel")
        self.importSummaryLabel.setWordWrap(True)

        self.importedLayout.addWidget(self.importSummaryLabel)

        self.unmatchedLabel = QLabel(self.importedPage)
        self.unmatchedLabel.setObjectName(u"unmatchedLabel")
        self.unmatchedLabel.setWordWrap(True)

        self.importedLayout.addWidget(self.unmatchedLabel)

        self.unmatchedTable = QTableWidget(self.importedPage)
        self.unmatchedTable.setObjectName(u"unmatchedTable")
        self.unmatchedTable.setAlternatingRowColors(True)
        self.unmatchedTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.unmatchedTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.unmatchedTable.setSelectionMode(QAbstractItemView.SingleSelection)

        self.importedLayout.addWidget(self.unmatchedTable)

        self.notesList = QListWidget(self.importedPage)
        self.notesList.setObjectName(u"notesList")
        self.notesList.setMaximumSize(QSize(16777215, 120))
        self.notesList.setWordWrap(True)

        self.importedLayout.addWidget(self.notesList)

        OooReturnWizard.addPage(self.importedPage)
        self.digestPage = QWizardPage()
        self.digestPage.setObjectName(u"digestPage")
        self.digestLayout = QVBoxLayout(self.digestPage)
        self.digestLayout.setObjectName(u"digestLayout")
        self.digestSummaryLabel = QLabel(self.digestPage)
        self.digestSummaryLabel.setObjectName(u"digestSummaryLabel")
        self.digestSummaryLabel.setWordWrap(True)

        self.digestLayout.addWidget(self.digestSummaryLabel)

        self.digestTree = QTreeWidget(self.digestPage)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.digestTree.setHeaderItem(__qtreewidgetitem)
        self.digestTree.setObjectName(u"digestTree")
        self.digestTree.setAlternatingRowColors(True)
        self.digestTree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.digestTree.setWordWrap(True)

        self.digestLayout.addWidget(self.digestTree)

        OooReturnWizard.addPage(self.digestPage)
        self.agendaPage = QWizardPage()
        self.agendaPage.setObjectName(u"agendaPage")
        self.agendaLayout = QVBoxLayout(self.agendaPage)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaBrowser = QTextBrowser(self.agendaPage)
        self.agendaBrowser.setObjectName(u"agendaBrowser")

        self.agendaLayout.addWidget(self.agendaBrowser)

        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.pdfButton = QPushButton(self.agendaPage)
        self.pdfButton.setObjectName(u"pdfButton")

        self.agendaButtons.addWidget(self.pdfButton)

        self.copyButton = QPushButton(self.agendaPage)
        self.copyButton.setObjectName(u"copyButton")

        self.agendaButtons.addWidget(self.copyButton)

        self.agendaSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agendaButtons.addItem(self.agendaSpacer)


        self.agendaLayout.addLayout(self.agendaButtons)

        self.agendaLabel = QLabel(self.agendaPage)
        self.agendaLabel.setObjectName(u"agendaLabel")
        self.agendaLabel.setWordWrap(True)
        self.agendaLabel.setOpenExternalLinks(True)

        self.agendaLayout.addWidget(self.agendaLabel)

        self.handBackLabel = QLabel(self.agendaPage)
        self.handBackLabel.setObjectName(u"handBackLabel")
        self.handBackLabel.setWordWrap(True)

        self.agendaLayout.addWidget(self.handBackLabel)

        OooReturnWizard.addPage(self.agendaPage)
#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OooReturnWizard)

        QMetaObject.connectSlotsByName(OooReturnWizard)
    # setupUi

    def retranslateUi(self, OooReturnWizard):
        OooReturnWizard.setWindowTitle(QCoreApplication.translate("OooReturnWizard", u"Welcome back", None))
        self.trackingPage.setTitle(QCoreApplication.translate("OooReturnWizard", u"Welcome back: your backup's tracking log", None))
        self.trackingPage.setSubTitle(QCoreApplication.translate("OooReturnWizard", u"While you were away your backup wrote every client conversation in the Tracking log tab of the hand-off workbook. Choose the filled workbook: csdesk reads it and shows what it will add to the communication log. Nothing is written until you press Import.", None))
        self.introLabel.setText("")
        self.fileLabel.setText(QCoreApplication.translate("OooReturnWizard", u"&Workbook", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("OooReturnWizard", u"The hand-off workbook (.xlsx) your backup filled in", None))
        self.browseButton.setText(QCoreApplication.translate("OooReturnWizard", u"&Choose\u2026", None))
        self.skipCheck.setText(QCoreApplication.translate("OooReturnWizard", u"My backup kept &no tracking log: skip this step", None))
        self.readLabel.setText("")
        self.importedPage.setTitle(QCoreApplication.translate("OooReturnWizard", u"The tracking log is in", None))
        self.importedPage.setSubTitle(QCoreApplication.translate("OooReturnWizard", u"The backup's conversations are on the accounts' timelines now, in the communication log. Rows csdesk could not match to an account are kept for review: the return-meeting agenda lists them.", None))
        self.importSummaryLabel.setText("")
        self.unmatchedLabel.setText("")
        self.digestPage.setTitle(QCoreApplication.translate("OooReturnWizard", u"While you were away", None))
        self.digestPage.setSubTitle(QCoreApplication.translate("OooReturnWizard", u"What happened in csdesk during your leave: items closed, new items, items changed, and the conversations logged, by account. Open an item's line for what happened to it.", None))
        self.digestSummaryLabel.setText("")
        self.agendaPage.setTitle(QCoreApplication.translate("OooReturnWizard", u"The return meeting", None))
        self.agendaPage.setSubTitle(QCoreApplication.translate("OooReturnWizard", u"Meet your backup: review the tracking log and the unresolved items, and take your items back. Print the agenda or save it as a PDF, or copy it into the meeting invitation.", None))
        self.pdfButton.setText(QCoreApplication.translate("OooReturnWizard", u"&Print / Save as PDF\u2026", None))
        self.copyButton.setText(QCoreApplication.translate("OooReturnWizard", u"C&opy", None))
        self.agendaLabel.setText("")
        self.handBackLabel.setText("")
    # retranslateUi

