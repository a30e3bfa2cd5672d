# Generated from ui/tasks_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Tasks & Tickets: a table filtered as you type, and a board by status (issue 3).

################################################################################
## Form generated from reading UI file 'tasks_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QToolButton, QVBoxLayout, QWidget

class Ui_TasksView(object):
    def setupUi(self, TasksView):
        if not TasksView.objectName():
            TasksView.setObjectName(u"TasksView")
        self.tasksLayout = QVBoxLayout(TasksView)
        self.tasksLayout.setObjectName(u"tasksLayout")
        self.filtersLayout = QHBoxLayout()
        self.filtersLayout.setObjectName(u"filtersLayout")
        self.searchEdit = QLineEdit(TasksView)
        self.searchEdit.setObjectName(u"searchEdit")

        self.filtersLayout.addWidget(self.searchEdit)

        self.typeCombo = QComboBox(TasksView)
        self.typeCombo.setObjectName(u"typeCombo")

        self.filtersLayout.addWidget(self.typeCombo)

        self.filterCombo = QComboBox(TasksView)
        self.filterCombo.setObjectName(u"filterCombo")

        self.filtersLayout.addWidget(self.filterCombo)

        self.accountCombo = QComboBox(TasksView)
        self.accountCombo.setObjectName(u"accountCombo")

        self.filtersLayout.addWidget(self.accountCombo)

        self.departmentCombo = QComboBox(TasksView)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.filtersLayout.addWidget(self.departmentCombo)

        self.openOnlyCheck = QCheckBox(TasksView)
        self.openOnlyCheck.setObjectName(u"openOnlyCheck")
        self.openOnlyCheck.setChecked(True)

        self.filtersLayout.addWidget(self.openOnlyCheck)


        self.tasksLayout.addLayout(self.filtersLayout)

        self.viewTabs = QTabWidget(TasksView)
        self.viewTabs.setObjectName(u"viewTabs")
        self.tableTab = QWidget()
        self.tableTab.setObjectName(u"tableTab")
        self.tableLayout = QVBoxLayout(self.tableTab)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 4, 0, 0)
        self.itemsTable = QTableView(self.tableTab)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.itemsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSortingEnabled(True)
        self.itemsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.itemsTable.setWordWrap(False)

        self.tableLayout.addWidget(self.itemsTable)

        self.viewTabs.addTab(self.tableTab, "")
        self.boardTab = QWidget()
        self.boardTab.setObjectName(u"boardTab")
        self.boardLayout = QVBoxLayout(self.boardTab)
        self.boardLayout.setObjectName(u"boardLayout")
        self.boardLayout.setContentsMargins(0, 4, 0, 0)
        self.boardArea = QScrollArea(self.boardTab)
        self.boardArea.setObjectName(u"boardArea")
        self.boardArea.setWidgetResizable(True)
        self.boardArea.setFrameShape(QFrame.NoFrame)
        self.boardContents = QWidget()
        self.boardContents.setObjectName(u"boardContents")
        self.boardArea.setWidget(self.boardContents)

        self.boardLayout.addWidget(self.boardArea)

        self.viewTabs.addTab(self.boardTab, "")

        self.tasksLayout.addWidget(self.viewTabs)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.newButton = QPushButton(TasksView)
        self.newButton.setObjectName(u"newButton")

        self.actionsLayout.addWidget(self.newButton)

        self.editButton = QPushButton(TasksView)
        self.editButton.setObjectName(u"editButton")

        self.actionsLayout.addWidget(self.editButton)

        self.followUpButton = QPushButton(TasksView)
        self.followUpButton.setObjectName(u"followUpButton")

        self.actionsLayout.addWidget(self.followUpButton)

        self.openLinkButton = QPushButton(TasksView)
        self.openLinkButton.setObjectName(u"openLinkButton")

        self.actionsLayout.addWidget(self.openLinkButton)

        self.moveToButton = QToolButton(TasksView)
        self.moveToButton.setObjectName(u"moveToButton")
        self.moveToButton.setPopupMode(QToolButton.InstantPopup)

        self.actionsLayout.addWidget(self.moveToButton)

        self.deleteButton = QPushButton(TasksView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionsLayout.addWidget(self.deleteButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.countLabel = QLabel(TasksView)
        self.countLabel.setObjectName(u"countLabel")

        self.actionsLayout.addWidget(self.countLabel)


        self.tasksLayout.addLayout(self.actionsLayout)


        self.retranslateUi(TasksView)

        self.viewTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(TasksView)
    # setupUi

    def retranslateUi(self, TasksView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("TasksView", u"Search title, key or account\u2026", None))
        self.openOnlyCheck.setText(QCoreApplication.translate("TasksView", u"Open only", None))
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.tableTab), QCoreApplication.translate("TasksView", u"Table", None))
        self.viewTabs.setTabText(self.viewTabs.indexOf(self.boardTab), QCoreApplication.translate("TasksView", u"Board", None))
        self.newButton.setText(QCoreApplication.translate("TasksView", u"&New\u2026", None))
        self.editButton.setText(QCoreApplication.translate("TasksView", u"&Edit\u2026", None))
        self.followUpButton.setText(QCoreApplication.translate("TasksView", u"&Follow up\u2026", None))
        self.openLinkButton.setText(QCoreApplication.translate("TasksView", u"Open &link", None))
        self.moveToButton.setText(QCoreApplication.translate("TasksView", u"&Move to", None))
        self.deleteButton.setText(QCoreApplication.translate("TasksView", u"&Delete", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

