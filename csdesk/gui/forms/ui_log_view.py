# Generated from ui/log_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Communication log: every logged conversation, searchable and exportable (R12).

################################################################################
## Form generated from reading UI file 'log_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QTextBrowser, QVBoxLayout

class Ui_LogView(object):
    def setupUi(self, LogView):
        if not LogView.objectName():
            LogView.setObjectName(u"LogView")
        self.logLayout = QVBoxLayout(LogView)
        self.logLayout.setObjectName(u"logLayout")
        self.filtersLayout = QHBoxLayout()
        self.filtersLayout.setObjectName(u"filtersLayout")
        self.searchEdit = QLineEdit(LogView)
        self.searchEdit.setObjectName(u"searchEdit")

        self.filtersLayout.addWidget(self.searchEdit)

        self.accountCombo = QComboBox(LogView)
        self.accountCombo.setObjectName(u"accountCombo")

        self.filtersLayout.addWidget(self.accountCombo)

        self.channelCombo = QComboBox(LogView)
        self.channelCombo.setObjectName(u"channelCombo")

        self.filtersLayout.addWidget(self.channelCombo)

        self.directionCombo = QComboBox(LogView)
        self.directionCombo.setObjectName(u"directionCombo")

        self.filtersLayout.addWidget(self.directionCombo)

        self.sinceLabel = QLabel(LogView)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.filtersLayout.addWidget(self.sinceLabel)

        self.sinceEdit = QDateEdit(LogView)
        self.sinceEdit.setObjectName(u"sinceEdit")
        self.sinceEdit.setCalendarPopup(True)

        self.filtersLayout.addWidget(self.sinceEdit)

        self.untilLabel = QLabel(LogView)
        self.untilLabel.setObjectName(u"untilLabel")

        self.filtersLayout.addWidget(self.untilLabel)

        self.untilEdit = QDateEdit(LogView)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.filtersLayout.addWidget(self.untilEdit)


        self.logLayout.addLayout(self.filtersLayout)

        self.logTable = QTableView(LogView)
        self.logTable.setObjectName(u"logTable")
        self.logTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.logTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.logTable.setAlternatingRowColors(True)
        self.logTable.setSortingEnabled(True)
        self.logTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.logTable.setWordWrap(False)

        self.logLayout.addWidget(self.logTable)

        self.summaryView = QTextBrowser(LogView)
        self.summaryView.setObjectName(u"summaryView")
        self.summaryView.setMaximumSize(QSize(16777215, 110))

        self.logLayout.addWidget(self.summaryView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.newButton = QPushButton(LogView)
        self.newButton.setObjectName(u"newButton")

        self.actionsLayout.addWidget(self.newButton)

        self.deleteButton = QPushButton(LogView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionsLayout.addWidget(self.deleteButton)

        self.exportButton = QPushButton(LogView)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsLayout.addWidget(self.exportButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.countLabel = QLabel(LogView)
        self.countLabel.setObjectName(u"countLabel")

        self.actionsLayout.addWidget(self.countLabel)


        self.logLayout.addLayout(self.actionsLayout)


        self.retranslateUi(LogView)

        QMetaObject.connectSlotsByName(LogView)
    # setupUi

    def retranslateUi(self, LogView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("LogView", u"Search summaries, people, accounts\u2026", None))
        self.sinceLabel.setText(QCoreApplication.translate("LogView", u"From", None))
        self.sinceEdit.setDisplayFormat(QCoreApplication.translate("LogView", u"yyyy-MM-dd", None))
        self.untilLabel.setText(QCoreApplication.translate("LogView", u"to", None))
        self.untilEdit.setDisplayFormat(QCoreApplication.translate("LogView", u"yyyy-MM-dd", None))
        self.newButton.setText(QCoreApplication.translate("LogView", u"&Log a conversation\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("LogView", u"&Delete", None))
        self.exportButton.setText(QCoreApplication.translate("LogView", u"&Export\u2026", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

