# Generated from ui/tasks_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Tasks & Tickets: one table, filtered as you type.

################################################################################
## Form generated from reading UI file 'tasks_view.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_TasksView(object):
    def setupUi(self, TasksView):
        if not TasksView.objectName():
            TasksView.setObjectName(u"TasksView")
        self.tasksLayout = QVBoxLayout(TasksView)
        self.tasksLayout.setObjectName(u"tasksLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.searchEdit = QLineEdit(TasksView)
        self.searchEdit.setObjectName(u"searchEdit")

        self.toolbarLayout.addWidget(self.searchEdit)

        self.typeCombo = QComboBox(TasksView)
        self.typeCombo.setObjectName(u"typeCombo")

        self.toolbarLayout.addWidget(self.typeCombo)

        self.openOnlyCheck = QCheckBox(TasksView)
        self.openOnlyCheck.setObjectName(u"openOnlyCheck")
        self.openOnlyCheck.setChecked(True)

        self.toolbarLayout.addWidget(self.openOnlyCheck)

        self.newButton = QPushButton(TasksView)
        self.newButton.setObjectName(u"newButton")

        self.toolbarLayout.addWidget(self.newButton)

        self.editButton = QPushButton(TasksView)
        self.editButton.setObjectName(u"editButton")

        self.toolbarLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(TasksView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbarLayout.addWidget(self.deleteButton)


        self.tasksLayout.addLayout(self.toolbarLayout)

        self.itemsTable = QTableView(TasksView)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.itemsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSortingEnabled(True)
        self.itemsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.itemsTable.setWordWrap(False)

        self.tasksLayout.addWidget(self.itemsTable)

        self.countLabel = QLabel(TasksView)
        self.countLabel.setObjectName(u"countLabel")

        self.tasksLayout.addWidget(self.countLabel)


        self.retranslateUi(TasksView)

        QMetaObject.connectSlotsByName(TasksView)
    # setupUi

    def retranslateUi(self, TasksView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("TasksView", u"Search title, key or account\u2026", None))
        self.openOnlyCheck.setText(QCoreApplication.translate("TasksView", u"Open only", None))
        self.newButton.setText(QCoreApplication.translate("TasksView", u"&New\u2026", None))
        self.editButton.setText(QCoreApplication.translate("TasksView", u"&Edit\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("TasksView", u"&Delete", None))
        self.countLabel.setText("")
        pass
    # retranslateUi

