# Generated from ui/import_wizard.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Import wizard: file, format, column mapping, dry-run preview with errors, import with progress (issue 4).

################################################################################
## Form generated from reading UI file 'import_wizard.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFormLayout, QLabel, QLineEdit, QListWidget, QProgressBar, QPushButton, QTableView, QTableWidget, QVBoxLayout, QWizardPage

class Ui_ImportWizard(object):
    def setupUi(self, ImportWizard):
        if not ImportWizard.objectName():
            ImportWizard.setObjectName(u"ImportWizard")
        ImportWizard.setMinimumSize(QSize(820, 600))
        self.filePage = QWizardPage()
        self.filePage.setObjectName(u"filePage")
        self.fileLayout = QVBoxLayout(self.filePage)
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileForm = QFormLayout()
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.kindLabel = QLabel(self.filePage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.filePage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.fileLabel = QLabel(self.filePage)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileEdit = QLineEdit(self.filePage)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fileEdit)

        self.browseButton = QPushButton(self.filePage)
        self.browseButton.setObjectName(u"browseButton")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.browseButton)

        self.formatLabel = QLabel(self.filePage)
        self.formatLabel.setObjectName(u"formatLabel")

        self.fileForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(self.filePage)
        self.formatCombo.setObjectName(u"formatCombo")

        self.fileForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formatCombo)


        self.fileLayout.addLayout(self.fileForm)

        self.detectedLabel = QLabel(self.filePage)
        self.detectedLabel.setObjectName(u"detectedLabel")
        self.detectedLabel.setWordWrap(True)

        self.fileLayout.addWidget(self.detectedLabel)

        ImportWizard.addPage(self.filePage)
        self.mappingPage = QWizardPage()
        self.mappingPage.setObjectName(u"mappingPage")
        self.mappingLayout = QVBoxLayout(self.mappingPage)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingTable = QTableWidget(self.mappingPage)
        self.mappingTable.setObjectName(u"mappingTable")

        self.mappingLayout.addWidget(self.mappingTable)

        ImportWizard.addPage(self.mappingPage)
        self.previewPage = QWizardPage()
        self.previewPage.setObjectName(u"previewPage")
        self.previewLayout = QVBoxLayout(self.previewPage)
        self.previewLayout.setObjectName(u"previewLayout")
        self.dryRunLabel = QLabel(self.previewPage)
        self.dryRunLabel.setObjectName(u"dryRunLabel")
        self.dryRunLabel.setWordWrap(True)

        self.previewLayout.addWidget(self.dryRunLabel)

        self.previewTable = QTableView(self.previewPage)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSortingEnabled(True)
        self.previewTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.previewTable.setWordWrap(False)

        self.previewLayout.addWidget(self.previewTable)

        self.errorsList = QListWidget(self.previewPage)
        self.errorsList.setObjectName(u"errorsList")
        self.errorsList.setMaximumSize(QSize(16777215, 150))

        self.previewLayout.addWidget(self.errorsList)

        ImportWizard.addPage(self.previewPage)
        self.runPage = QWizardPage()
        self.runPage.setObjectName(u"runPage")
        self.runLayout = QVBoxLayout(self.runPage)
        self.runLayout.setObjectName(u"runLayout")
        self.progressBar = QProgressBar(self.runPage)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.runLayout.addWidget(self.progressBar)

        self.cancelImportButton = QPushButton(self.runPage)
        self.cancelImportButton.setObjectName(u"cancelImportButton")

        self.runLayout.addWidget(self.cancelImportButton)

        self.resultLabel = QLabel(self.runPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)

        self.runLayout.addWidget(self.resultLabel)

        self.notesList = QListWidget(self.runPage)
        self.notesList.setObjectName(u"notesList")

        self.runLayout.addWidget(self.notesList)

        ImportWizard.addPage(self.runPage)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.fileLabel.setBuddy(self.fileEdit)
        self.formatLabel.setBuddy(self.formatCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportWizard)

        QMetaObject.connectSlotsByName(ImportWizard)
    # setupUi

    def retranslateUi(self, ImportWizard):
        ImportWizard.setWindowTitle(QCoreApplication.translate("ImportWizard", u"Import", None))
        self.filePage.setTitle(QCoreApplication.translate("ImportWizard", u"Choose the file", None))
        self.filePage.setSubTitle(QCoreApplication.translate("ImportWizard", u"csdesk reads the file, recognises its format and imports it in one go: either every row or nothing.", None))
        self.kindLabel.setText(QCoreApplication.translate("ImportWizard", u"&What", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportWizard", u"&File", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"A CSV export: Salesforce report, Jira, Teamwork or a directory sheet", None))
        self.browseButton.setText(QCoreApplication.translate("ImportWizard", u"&Browse\u2026", None))
        self.formatLabel.setText(QCoreApplication.translate("ImportWizard", u"F&ormat", None))
        self.detectedLabel.setText("")
        self.mappingPage.setTitle(QCoreApplication.translate("ImportWizard", u"Match the columns", None))
        self.mappingPage.setSubTitle(QCoreApplication.translate("ImportWizard", u"Which column of the file holds each field. Required fields are marked *. csdesk remembers this for the next file of the same format.", None))
        self.previewPage.setTitle(QCoreApplication.translate("ImportWizard", u"Check before importing", None))
        self.previewPage.setSubTitle(QCoreApplication.translate("ImportWizard", u"A dry run of the whole file: nothing is written yet.", None))
        self.dryRunLabel.setText("")
        self.runPage.setTitle(QCoreApplication.translate("ImportWizard", u"Import", None))
        self.runPage.setSubTitle(QCoreApplication.translate("ImportWizard", u"All rows are written in one transaction.", None))
        self.cancelImportButton.setText(QCoreApplication.translate("ImportWizard", u"&Cancel import", None))
        self.resultLabel.setText("")
    # retranslateUi

