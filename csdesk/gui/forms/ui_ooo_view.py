# Generated from ui/ooo_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Out of office: current and past plans, the next deadline, the way into the return flow (issue 5, R19).

################################################################################
## Form generated from reading UI file 'ooo_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QTextBrowser, QVBoxLayout

class Ui_OooView(object):
    def setupUi(self, OooView):
        if not OooView.objectName():
            OooView.setObjectName(u"OooView")
        self.oooLayout = QVBoxLayout(OooView)
        self.oooLayout.setObjectName(u"oooLayout")
        self.oooToolbar = QHBoxLayout()
        self.oooToolbar.setObjectName(u"oooToolbar")
        self.headingLabel = QLabel(OooView)
        self.headingLabel.setObjectName(u"headingLabel")

        self.oooToolbar.addWidget(self.headingLabel)

        self.oooSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.oooToolbar.addItem(self.oooSpacer)

        self.newPlanButton = QPushButton(OooView)
        self.newPlanButton.setObjectName(u"newPlanButton")

        self.oooToolbar.addWidget(self.newPlanButton)

        self.openPlanButton = QPushButton(OooView)
        self.openPlanButton.setObjectName(u"openPlanButton")

        self.oooToolbar.addWidget(self.openPlanButton)

        self.returnButton = QPushButton(OooView)
        self.returnButton.setObjectName(u"returnButton")

        self.oooToolbar.addWidget(self.returnButton)

        self.cancelPlanButton = QPushButton(OooView)
        self.cancelPlanButton.setObjectName(u"cancelPlanButton")

        self.oooToolbar.addWidget(self.cancelPlanButton)


        self.oooLayout.addLayout(self.oooToolbar)

        self.returnBanner = QFrame(OooView)
        self.returnBanner.setObjectName(u"returnBanner")
        self.returnBanner.setStyleSheet(u"QFrame#returnBanner { background: #e8f1fb; border: 1px solid #b7d3f0; border-radius: 4px; }")
        self.returnBanner.setFrameShape(QFrame.StyledPanel)
        self.returnBannerLayout = QHBoxLayout(self.returnBanner)
        self.returnBannerLayout.setObjectName(u"returnBannerLayout")
        self.returnBannerLabel = QLabel(self.returnBanner)
        self.returnBannerLabel.setObjectName(u"returnBannerLabel")
        self.returnBannerLabel.setWordWrap(True)

        self.returnBannerLayout.addWidget(self.returnBannerLabel)

        self.startReturnButton = QPushButton(self.returnBanner)
        self.startReturnButton.setObjectName(u"startReturnButton")

        self.returnBannerLayout.addWidget(self.startReturnButton)

        self.returnBannerLayout.setStretch(0, 1)

        self.oooLayout.addWidget(self.returnBanner)

        self.nextDeadlineLabel = QLabel(OooView)
        self.nextDeadlineLabel.setObjectName(u"nextDeadlineLabel")
        self.nextDeadlineLabel.setWordWrap(True)

        self.oooLayout.addWidget(self.nextDeadlineLabel)

        self.plansTable = QTableView(OooView)
        self.plansTable.setObjectName(u"plansTable")
        self.plansTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.plansTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.plansTable.setAlternatingRowColors(True)
        self.plansTable.setSortingEnabled(True)
        self.plansTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.plansTable.setWordWrap(False)

        self.oooLayout.addWidget(self.plansTable)

        self.planDetail = QTextBrowser(OooView)
        self.planDetail.setObjectName(u"planDetail")

        self.oooLayout.addWidget(self.planDetail)


        self.retranslateUi(OooView)

        QMetaObject.connectSlotsByName(OooView)
    # setupUi

    def retranslateUi(self, OooView):
        self.headingLabel.setText(QCoreApplication.translate("OooView", u"Out of office", None))
        self.newPlanButton.setText(QCoreApplication.translate("OooView", u"&Plan a leave\u2026", None))
        self.openPlanButton.setText(QCoreApplication.translate("OooView", u"&Continue\u2026", None))
        self.returnButton.setText(QCoreApplication.translate("OooView", u"I am &back\u2026", None))
        self.cancelPlanButton.setText(QCoreApplication.translate("OooView", u"Cancel plan", None))
        self.returnBannerLabel.setText("")
        self.startReturnButton.setText(QCoreApplication.translate("OooView", u"&Start the return\u2026", None))
        self.nextDeadlineLabel.setText("")
        pass
    # retranslateUi

