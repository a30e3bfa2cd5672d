# Generated from ui/main_window.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Keyboard shortcuts are set in csdesk/gui/main_window.py (SHORTCUTS), once the views exist. Main window: navigation on the left, one page per view (pages are added in code).

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QMenu, QMenuBar, QStackedWidget, QStatusBar, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        self.actionToday = QAction(MainWindow)
        self.actionToday.setObjectName(u"actionToday")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionQuickLog = QAction(MainWindow)
        self.actionQuickLog.setObjectName(u"actionQuickLog")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionExport = QAction(MainWindow)
        self.actionExport.setObjectName(u"actionExport")
        self.actionLog = QAction(MainWindow)
        self.actionLog.setObjectName(u"actionLog")
        self.actionNewTask = QAction(MainWindow)
        self.actionNewTask.setObjectName(u"actionNewTask")
        self.actionNewAccount = QAction(MainWindow)
        self.actionNewAccount.setObjectName(u"actionNewAccount")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionPortfolio = QAction(MainWindow)
        self.actionPortfolio.setObjectName(u"actionPortfolio")
        self.actionDirectory = QAction(MainWindow)
        self.actionDirectory.setObjectName(u"actionDirectory")
        self.actionTasks = QAction(MainWindow)
        self.actionTasks.setObjectName(u"actionTasks")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionShowDataFolder = QAction(MainWindow)
        self.actionShowDataFolder.setObjectName(u"actionShowDataFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(self.centralwidget)
        self.nav.setObjectName(u"nav")
        self.nav.setMaximumSize(QSize(200, 16777215))
        self.nav.setMinimumSize(QSize(170, 0))
        self.nav.setFrameShape(QFrame.NoFrame)

        self.centralLayout.addWidget(self.nav)

        self.stack = QStackedWidget(self.centralwidget)
        self.stack.setObjectName(u"stack")

        self.centralLayout.addWidget(self.stack)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewTask)
        self.menuFile.addAction(self.actionNewAccount)
        self.menuFile.addAction(self.actionQuickLog)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionImport)
        self.menuFile.addAction(self.actionExport)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionToday)
        self.menuView.addAction(self.actionPortfolio)
        self.menuView.addAction(self.actionDirectory)
        self.menuView.addAction(self.actionTasks)
        self.menuView.addAction(self.actionLog)
        self.menuView.addAction(self.actionSettings)
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionRefresh)
        self.menuHelp.addAction(self.actionShowDataFolder)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"csdesk", None))
        self.actionToday.setText(QCoreApplication.translate("MainWindow", u"T&oday", None))
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings", None))
        self.actionQuickLog.setText(QCoreApplication.translate("MainWindow", u"&Log a conversation\u2026", None))
#if QT_CONFIG(statustip)
        self.actionQuickLog.setStatusTip(QCoreApplication.translate("MainWindow", u"Record an email, call, chat or meeting on an account's timeline", None))
#endif // QT_CONFIG(statustip)
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"&Import\u2026", None))
#if QT_CONFIG(statustip)
        self.actionImport.setStatusTip(QCoreApplication.translate("MainWindow", u"Import accounts, tickets, tasks or the directory from a CSV export", None))
#endif // QT_CONFIG(statustip)
        self.actionExport.setText(QCoreApplication.translate("MainWindow", u"&Export\u2026", None))
#if QT_CONFIG(statustip)
        self.actionExport.setStatusTip(QCoreApplication.translate("MainWindow", u"Export accounts, tasks, the log or the directory", None))
#endif // QT_CONFIG(statustip)
        self.actionLog.setText(QCoreApplication.translate("MainWindow", u"Communication &log", None))
        self.actionNewTask.setText(QCoreApplication.translate("MainWindow", u"New &task or ticket\u2026", None))
#if QT_CONFIG(statustip)
        self.actionNewTask.setStatusTip(QCoreApplication.translate("MainWindow", u"Create a task or ticket", None))
#endif // QT_CONFIG(statustip)
        self.actionNewAccount.setText(QCoreApplication.translate("MainWindow", u"New &account\u2026", None))
#if QT_CONFIG(statustip)
        self.actionNewAccount.setStatusTip(QCoreApplication.translate("MainWindow", u"Add an account to the portfolio", None))
#endif // QT_CONFIG(statustip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionPortfolio.setText(QCoreApplication.translate("MainWindow", u"&Portfolio", None))
        self.actionDirectory.setText(QCoreApplication.translate("MainWindow", u"&Directory", None))
        self.actionTasks.setText(QCoreApplication.translate("MainWindow", u"&Tasks && Tickets", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(statustip)
        self.actionRefresh.setStatusTip(QCoreApplication.translate("MainWindow", u"Reload the current view from the database", None))
#endif // QT_CONFIG(statustip)
        self.actionShowDataFolder.setText(QCoreApplication.translate("MainWindow", u"Where is my &data?", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About csdesk", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

