# Generated from ui/today_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Today: overdue, due today, stale follow-ups, escalations due, SLA clocks (issue 3).

################################################################################
## Form generated from reading UI file 'today_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTreeWidget, QVBoxLayout

class Ui_TodayView(object):
    def setupUi(self, TodayView):
        if not TodayView.objectName():
            TodayView.setObjectName(u"TodayView")
        self.todayLayout = QVBoxLayout(TodayView)
        self.todayLayout.setObjectName(u"todayLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headingLabel = QLabel(TodayView)
        self.headingLabel.setObjectName(u"headingLabel")

        self.headerLayout.addWidget(self.headingLabel)

        self.headerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.clockLabel = QLabel(TodayView)
        self.clockLabel.setObjectName(u"clockLabel")

        self.headerLayout.addWidget(self.clockLabel)

        self.refreshButton = QPushButton(TodayView)
        self.refreshButton.setObjectName(u"refreshButton")

        self.headerLayout.addWidget(self.refreshButton)


        self.todayLayout.addLayout(self.headerLayout)

        self.highLoadBanner = QFrame(TodayView)
        self.highLoadBanner.setObjectName(u"highLoadBanner")
        self.highLoadBanner.setFrameShape(QFrame.StyledPanel)
        self.bannerLayout = QHBoxLayout(self.highLoadBanner)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.highLoadLabel = QLabel(self.highLoadBanner)
        self.highLoadLabel.setObjectName(u"highLoadLabel")
        self.highLoadLabel.setWordWrap(True)

        self.bannerLayout.addWidget(self.highLoadLabel)

        self.warnClientsButton = QPushButton(self.highLoadBanner)
        self.warnClientsButton.setObjectName(u"warnClientsButton")

        self.bannerLayout.addWidget(self.warnClientsButton)


        self.todayLayout.addWidget(self.highLoadBanner)

        self.oooLabel = QLabel(TodayView)
        self.oooLabel.setObjectName(u"oooLabel")
        self.oooLabel.setWordWrap(True)
        self.oooLabel.setOpenExternalLinks(False)

        self.todayLayout.addWidget(self.oooLabel)

        self.tree = QTreeWidget(TodayView)
        self.tree.setObjectName(u"tree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)

        self.todayLayout.addWidget(self.tree)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.openButton = QPushButton(TodayView)
        self.openButton.setObjectName(u"openButton")

        self.actionsLayout.addWidget(self.openButton)

        self.followUpButton = QPushButton(TodayView)
        self.followUpButton.setObjectName(u"followUpButton")

        self.actionsLayout.addWidget(self.followUpButton)

        self.escalateButton = QPushButton(TodayView)
        self.escalateButton.setObjectName(u"escalateButton")

        self.actionsLayout.addWidget(self.escalateButton)

        self.customerRepliedButton = QPushButton(TodayView)
        self.customerRepliedButton.setObjectName(u"customerRepliedButton")

        self.actionsLayout.addWidget(self.customerRepliedButton)

        self.repliedButton = QPushButton(TodayView)
        self.repliedButton.setObjectName(u"repliedButton")

        self.actionsLayout.addWidget(self.repliedButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)


        self.todayLayout.addLayout(self.actionsLayout)

        self.emptyLabel = QLabel(TodayView)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)

        self.todayLayout.addWidget(self.emptyLabel)


        self.retranslateUi(TodayView)

        QMetaObject.connectSlotsByName(TodayView)
    # setupUi

    def retranslateUi(self, TodayView):
        self.headingLabel.setText(QCoreApplication.translate("TodayView", u"Today", None))
        self.clockLabel.setText("")
        self.refreshButton.setText(QCoreApplication.translate("TodayView", u"&Refresh", None))
        self.highLoadLabel.setText("")
        self.warnClientsButton.setText(QCoreApplication.translate("TodayView", u"Draft a warning to clients\u2026", None))
        self.oooLabel.setText("")
        self.openButton.setText(QCoreApplication.translate("TodayView", u"&Open\u2026", None))
        self.followUpButton.setText(QCoreApplication.translate("TodayView", u"&Follow up\u2026", None))
        self.escalateButton.setText(QCoreApplication.translate("TodayView", u"&Escalate to management", None))
        self.customerRepliedButton.setText(QCoreApplication.translate("TodayView", u"&Customer replied", None))
        self.repliedButton.setText(QCoreApplication.translate("TodayView", u"Replied to c&ustomer", None))
        self.emptyLabel.setText("")
        pass
    # retranslateUi

