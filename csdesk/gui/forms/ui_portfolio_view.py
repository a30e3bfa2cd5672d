# Generated from ui/portfolio_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Portfolio: accounts table and the selected account's detail.

################################################################################
## Form generated from reading UI file 'portfolio_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QToolButton, QVBoxLayout, QWidget

class Ui_PortfolioView(object):
    def setupUi(self, PortfolioView):
        if not PortfolioView.objectName():
            PortfolioView.setObjectName(u"PortfolioView")
        self.portfolioLayout = QVBoxLayout(PortfolioView)
        self.portfolioLayout.setObjectName(u"portfolioLayout")
        self.toolbarLayout = QHBoxLayout()
        self.toolbarLayout.setObjectName(u"toolbarLayout")
        self.searchEdit = QLineEdit(PortfolioView)
        self.searchEdit.setObjectName(u"searchEdit")

        self.toolbarLayout.addWidget(self.searchEdit)

        self.filterCombo = QComboBox(PortfolioView)
        self.filterCombo.setObjectName(u"filterCombo")
        self.filterCombo.setMinimumSize(QSize(230, 0))

        self.toolbarLayout.addWidget(self.filterCombo)

        self.newButton = QPushButton(PortfolioView)
        self.newButton.setObjectName(u"newButton")

        self.toolbarLayout.addWidget(self.newButton)

        self.editButton = QPushButton(PortfolioView)
        self.editButton.setObjectName(u"editButton")

        self.toolbarLayout.addWidget(self.editButton)

        self.deleteButton = QPushButton(PortfolioView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.toolbarLayout.addWidget(self.deleteButton)


        self.portfolioLayout.addLayout(self.toolbarLayout)

        self.splitter = QSplitter(PortfolioView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.accountsTable = QTableView(self.splitter)
        self.accountsTable.setObjectName(u"accountsTable")
        self.accountsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.accountsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.accountsTable.setAlternatingRowColors(True)
        self.accountsTable.setSortingEnabled(True)
        self.accountsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.accountsTable.setWordWrap(False)
        self.splitter.addWidget(self.accountsTable)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.headingLabel = QLabel(self.detailPanel)
        self.headingLabel.setObjectName(u"headingLabel")

        self.detailLayout.addWidget(self.headingLabel)

        self.subtitleLabel = QLabel(self.detailPanel)
        self.subtitleLabel.setObjectName(u"subtitleLabel")
        self.subtitleLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.subtitleLabel)

        self.factsLayout = QFormLayout()
        self.factsLayout.setObjectName(u"factsLayout")
        self.stageLabel = QLabel(self.detailPanel)
        self.stageLabel.setObjectName(u"stageLabel")

        self.factsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stageValue = QLabel(self.detailPanel)
        self.stageValue.setObjectName(u"stageValue")
        self.stageValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.stageValue.setWordWrap(True)

        self.factsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stageValue)

        self.healthLabel = QLabel(self.detailPanel)
        self.healthLabel.setObjectName(u"healthLabel")

        self.factsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.healthLabel)

        self.healthValue = QLabel(self.detailPanel)
        self.healthValue.setObjectName(u"healthValue")
        self.healthValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.healthValue.setWordWrap(True)

        self.factsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.healthValue)

        self.seatsLabel = QLabel(self.detailPanel)
        self.seatsLabel.setObjectName(u"seatsLabel")

        self.factsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.seatsLabel)

        self.seatsValue = QLabel(self.detailPanel)
        self.seatsValue.setObjectName(u"seatsValue")
        self.seatsValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.seatsValue.setWordWrap(True)

        self.factsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.seatsValue)

        self.adoptionLabel = QLabel(self.detailPanel)
        self.adoptionLabel.setObjectName(u"adoptionLabel")

        self.factsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adoptionLabel)

        self.adoptionValue = QLabel(self.detailPanel)
        self.adoptionValue.setObjectName(u"adoptionValue")
        self.adoptionValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.adoptionValue.setWordWrap(True)

        self.factsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adoptionValue)

        self.renewalLabel = QLabel(self.detailPanel)
        self.renewalLabel.setObjectName(u"renewalLabel")

        self.factsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.renewalLabel)

        self.renewalValue = QLabel(self.detailPanel)
        self.renewalValue.setObjectName(u"renewalValue")
        self.renewalValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.renewalValue.setWordWrap(True)

        self.factsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.renewalValue)

        self.amLabel = QLabel(self.detailPanel)
        self.amLabel.setObjectName(u"amLabel")

        self.factsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.amLabel)

        self.amValue = QLabel(self.detailPanel)
        self.amValue.setObjectName(u"amValue")
        self.amValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.amValue.setWordWrap(True)

        self.factsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.amValue)

        self.rmLabel = QLabel(self.detailPanel)
        self.rmLabel.setObjectName(u"rmLabel")

        self.factsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.rmLabel)

        self.rmValue = QLabel(self.detailPanel)
        self.rmValue.setObjectName(u"rmValue")
        self.rmValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.rmValue.setWordWrap(True)

        self.factsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rmValue)

        self.parentLabel = QLabel(self.detailPanel)
        self.parentLabel.setObjectName(u"parentLabel")

        self.factsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentValue = QLabel(self.detailPanel)
        self.parentValue.setObjectName(u"parentValue")
        self.parentValue.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.parentValue.setWordWrap(True)

        self.factsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.parentValue)


        self.detailLayout.addLayout(self.factsLayout)

        self.detailTabs = QTabWidget(self.detailPanel)
        self.detailTabs.setObjectName(u"detailTabs")
        self.adminsTab = QWidget()
        self.adminsTab.setObjectName(u"adminsTab")
        self.adminsLayout = QVBoxLayout(self.adminsTab)
        self.adminsLayout.setObjectName(u"adminsLayout")
        self.adminsTable = QTableView(self.adminsTab)
        self.adminsTable.setObjectName(u"adminsTable")
        self.adminsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.adminsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.adminsTable.setAlternatingRowColors(True)
        self.adminsTable.setSortingEnabled(True)
        self.adminsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.adminsTable.setWordWrap(False)

        self.adminsLayout.addWidget(self.adminsTable)

        self.adminButtons = QHBoxLayout()
        self.adminButtons.setObjectName(u"adminButtons")
        self.addAdminButton = QPushButton(self.adminsTab)
        self.addAdminButton.setObjectName(u"addAdminButton")

        self.adminButtons.addWidget(self.addAdminButton)

        self.editAdminButton = QPushButton(self.adminsTab)
        self.editAdminButton.setObjectName(u"editAdminButton")

        self.adminButtons.addWidget(self.editAdminButton)

        self.deleteAdminButton = QPushButton(self.adminsTab)
        self.deleteAdminButton.setObjectName(u"deleteAdminButton")

        self.adminButtons.addWidget(self.deleteAdminButton)

        self.adminSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.adminButtons.addItem(self.adminSpacer)


        self.adminsLayout.addLayout(self.adminButtons)

        self.detailTabs.addTab(self.adminsTab, "")
        self.productsTab = QWidget()
        self.productsTab.setObjectName(u"productsTab")
        self.productsLayout = QVBoxLayout(self.productsTab)
        self.productsLayout.setObjectName(u"productsLayout")
        self.productsTable = QTableView(self.productsTab)
        self.productsTable.setObjectName(u"productsTable")
        self.productsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.productsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.productsTable.setAlternatingRowColors(True)
        self.productsTable.setSortingEnabled(True)
        self.productsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.productsTable.setWordWrap(False)

        self.productsLayout.addWidget(self.productsTable)

        self.proposeLayout = QHBoxLayout()
        self.proposeLayout.setObjectName(u"proposeLayout")
        self.proposeButton = QToolButton(self.productsTab)
        self.proposeButton.setObjectName(u"proposeButton")
        self.proposeButton.setPopupMode(QToolButton.InstantPopup)

        self.proposeLayout.addWidget(self.proposeButton)

        self.proposeHint = QLabel(self.productsTab)
        self.proposeHint.setObjectName(u"proposeHint")
        self.proposeHint.setWordWrap(True)

        self.proposeLayout.addWidget(self.proposeHint)


        self.productsLayout.addLayout(self.proposeLayout)

        self.detailTabs.addTab(self.productsTab, "")
        self.itemsTab = QWidget()
        self.itemsTab.setObjectName(u"itemsTab")
        self.itemsLayout = QVBoxLayout(self.itemsTab)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.itemsTable = QTableView(self.itemsTab)
        self.itemsTable.setObjectName(u"itemsTable")
        self.itemsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.itemsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.itemsTable.setAlternatingRowColors(True)
        self.itemsTable.setSortingEnabled(True)
        self.itemsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.itemsTable.setWordWrap(False)

        self.itemsLayout.addWidget(self.itemsTable)

        self.detailTabs.addTab(self.itemsTab, "")
        self.timelineTab = QWidget()
        self.timelineTab.setObjectName(u"timelineTab")
        self.timelineLayout = QVBoxLayout(self.timelineTab)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTable = QTableView(self.timelineTab)
        self.timelineTable.setObjectName(u"timelineTable")
        self.timelineTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.timelineTable.setAlternatingRowColors(True)
        self.timelineTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.timelineTable.setWordWrap(False)

        self.timelineLayout.addWidget(self.timelineTable)

        self.timelineButtons = QHBoxLayout()
        self.timelineButtons.setObjectName(u"timelineButtons")
        self.logButton = QPushButton(self.timelineTab)
        self.logButton.setObjectName(u"logButton")

        self.timelineButtons.addWidget(self.logButton)

        self.timelineSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timelineButtons.addItem(self.timelineSpacer)


        self.timelineLayout.addLayout(self.timelineButtons)

        self.detailTabs.addTab(self.timelineTab, "")
        self.notesTab = QWidget()
        self.notesTab.setObjectName(u"notesTab")
        self.notesLayout = QVBoxLayout(self.notesTab)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesView = QPlainTextEdit(self.notesTab)
        self.notesView.setObjectName(u"notesView")
        self.notesView.setReadOnly(True)

        self.notesLayout.addWidget(self.notesView)

        self.detailTabs.addTab(self.notesTab, "")

        self.detailLayout.addWidget(self.detailTabs)

        self.splitter.addWidget(self.detailPanel)

        self.portfolioLayout.addWidget(self.splitter)


        self.retranslateUi(PortfolioView)

        self.detailTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PortfolioView)
    # setupUi

    def retranslateUi(self, PortfolioView):
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PortfolioView", u"Search accounts, parents, account managers\u2026", None))
        self.newButton.setText(QCoreApplication.translate("PortfolioView", u"&New account\u2026", None))
        self.editButton.setText(QCoreApplication.translate("PortfolioView", u"&Edit\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("PortfolioView", u"&Delete", None))
        self.headingLabel.setText(QCoreApplication.translate("PortfolioView", u"Select an account", None))
        self.subtitleLabel.setText("")
        self.stageLabel.setText(QCoreApplication.translate("PortfolioView", u"Lifecycle stage", None))
        self.stageValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.healthLabel.setText(QCoreApplication.translate("PortfolioView", u"Health", None))
        self.healthValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.seatsLabel.setText(QCoreApplication.translate("PortfolioView", u"Paid seats", None))
        self.seatsValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.adoptionLabel.setText(QCoreApplication.translate("PortfolioView", u"Adoption", None))
        self.adoptionValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.renewalLabel.setText(QCoreApplication.translate("PortfolioView", u"Renewal", None))
        self.renewalValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.amLabel.setText(QCoreApplication.translate("PortfolioView", u"Account manager", None))
        self.amValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.rmLabel.setText(QCoreApplication.translate("PortfolioView", u"Regional manager", None))
        self.rmValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.parentLabel.setText(QCoreApplication.translate("PortfolioView", u"Franchise", None))
        self.parentValue.setText(QCoreApplication.translate("PortfolioView", u"\u2014", None))
        self.addAdminButton.setText(QCoreApplication.translate("PortfolioView", u"Add admin\u2026", None))
        self.editAdminButton.setText(QCoreApplication.translate("PortfolioView", u"Edit\u2026", None))
        self.deleteAdminButton.setText(QCoreApplication.translate("PortfolioView", u"Delete", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.adminsTab), QCoreApplication.translate("PortfolioView", u"Admins", None))
        self.proposeButton.setText(QCoreApplication.translate("PortfolioView", u"&Propose setting up\u2026", None))
        self.proposeHint.setText("")
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.productsTab), QCoreApplication.translate("PortfolioView", u"Products", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.itemsTab), QCoreApplication.translate("PortfolioView", u"Open items", None))
        self.logButton.setText(QCoreApplication.translate("PortfolioView", u"&Log a conversation\u2026", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.timelineTab), QCoreApplication.translate("PortfolioView", u"Timeline", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.notesTab), QCoreApplication.translate("PortfolioView", u"Notes", None))
        pass
    # retranslateUi

