# Generated from ui/directory_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Directory: departments with their contacts and routing notes (R1); colleagues with roles.

################################################################################
## Form generated from reading UI file 'directory_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTableView, QTextBrowser, QVBoxLayout

class Ui_DirectoryView(object):
    def setupUi(self, DirectoryView):
        if not DirectoryView.objectName():
            DirectoryView.setObjectName(u"DirectoryView")
        self.directoryLayout = QVBoxLayout(DirectoryView)
        self.directoryLayout.setObjectName(u"directoryLayout")
        self.splitter = QSplitter(DirectoryView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.departmentsBox = QGroupBox(self.splitter)
        self.departmentsBox.setObjectName(u"departmentsBox")
        self.departmentsLayout = QVBoxLayout(self.departmentsBox)
        self.departmentsLayout.setObjectName(u"departmentsLayout")
        self.departmentButtons = QHBoxLayout()
        self.departmentButtons.setObjectName(u"departmentButtons")
        self.newDepartmentButton = QPushButton(self.departmentsBox)
        self.newDepartmentButton.setObjectName(u"newDepartmentButton")

        self.departmentButtons.addWidget(self.newDepartmentButton)

        self.editDepartmentButton = QPushButton(self.departmentsBox)
        self.editDepartmentButton.setObjectName(u"editDepartmentButton")

        self.departmentButtons.addWidget(self.editDepartmentButton)

        self.deleteDepartmentButton = QPushButton(self.departmentsBox)
        self.deleteDepartmentButton.setObjectName(u"deleteDepartmentButton")

        self.departmentButtons.addWidget(self.deleteDepartmentButton)

        self.departmentSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.departmentButtons.addItem(self.departmentSpacer)


        self.departmentsLayout.addLayout(self.departmentButtons)

        self.departmentsTable = QTableView(self.departmentsBox)
        self.departmentsTable.setObjectName(u"departmentsTable")
        self.departmentsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.departmentsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.departmentsTable.setAlternatingRowColors(True)
        self.departmentsTable.setSortingEnabled(True)
        self.departmentsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.departmentsTable.setWordWrap(False)

        self.departmentsLayout.addWidget(self.departmentsTable)

        self.departmentDetail = QTextBrowser(self.departmentsBox)
        self.departmentDetail.setObjectName(u"departmentDetail")
        self.departmentDetail.setOpenExternalLinks(False)
        self.departmentDetail.setMaximumSize(QSize(16777215, 170))

        self.departmentsLayout.addWidget(self.departmentDetail)

        self.splitter.addWidget(self.departmentsBox)
        self.colleaguesBox = QGroupBox(self.splitter)
        self.colleaguesBox.setObjectName(u"colleaguesBox")
        self.colleaguesLayout = QVBoxLayout(self.colleaguesBox)
        self.colleaguesLayout.setObjectName(u"colleaguesLayout")
        self.colleagueButtons = QHBoxLayout()
        self.colleagueButtons.setObjectName(u"colleagueButtons")
        self.colleagueSearchEdit = QLineEdit(self.colleaguesBox)
        self.colleagueSearchEdit.setObjectName(u"colleagueSearchEdit")

        self.colleagueButtons.addWidget(self.colleagueSearchEdit)

        self.newColleagueButton = QPushButton(self.colleaguesBox)
        self.newColleagueButton.setObjectName(u"newColleagueButton")

        self.colleagueButtons.addWidget(self.newColleagueButton)

        self.editColleagueButton = QPushButton(self.colleaguesBox)
        self.editColleagueButton.setObjectName(u"editColleagueButton")

        self.colleagueButtons.addWidget(self.editColleagueButton)

        self.deleteColleagueButton = QPushButton(self.colleaguesBox)
        self.deleteColleagueButton.setObjectName(u"deleteColleagueButton")

        self.colleagueButtons.addWidget(self.deleteColleagueButton)


        self.colleaguesLayout.addLayout(self.colleagueButtons)

        self.colleaguesTable = QTableView(self.colleaguesBox)
        self.colleaguesTable.setObjectName(u"colleaguesTable")
        self.colleaguesTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.colleaguesTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.colleaguesTable.setAlternatingRowColors(True)
        self.colleaguesTable.setSortingEnabled(True)
        self.colleaguesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.colleaguesTable.setWordWrap(False)

        self.colleaguesLayout.addWidget(self.colleaguesTable)

        self.splitter.addWidget(self.colleaguesBox)

        self.directoryLayout.addWidget(self.splitter)


        self.retranslateUi(DirectoryView)

        QMetaObject.connectSlotsByName(DirectoryView)
    # setupUi

    def retranslateUi(self, DirectoryView):
        self.departmentsBox.setTitle(QCoreApplication.translate("DirectoryView", u"Departments", None))
        self.newDepartmentButton.setText(QCoreApplication.translate("DirectoryView", u"New department\u2026", None))
        self.editDepartmentButton.setText(QCoreApplication.translate("DirectoryView", u"Edit\u2026", None))
        self.deleteDepartmentButton.setText(QCoreApplication.translate("DirectoryView", u"Delete", None))
        self.colleaguesBox.setTitle(QCoreApplication.translate("DirectoryView", u"Colleagues", None))
        self.colleagueSearchEdit.setPlaceholderText(QCoreApplication.translate("DirectoryView", u"Search colleagues\u2026", None))
        self.newColleagueButton.setText(QCoreApplication.translate("DirectoryView", u"New colleague\u2026", None))
        self.editColleagueButton.setText(QCoreApplication.translate("DirectoryView", u"Edit\u2026", None))
        self.deleteColleagueButton.setText(QCoreApplication.translate("DirectoryView", u"Delete", None))
        pass
    # retranslateUi

