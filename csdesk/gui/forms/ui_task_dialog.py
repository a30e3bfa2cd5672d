# Generated from ui/task_dialog.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Create or edit a task or ticket.

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout, QWidget

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.setMinimumSize(QSize(640, 560))
        self.dialogLayout = QVBoxLayout(TaskDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(TaskDialog)
        self.tabs.setObjectName(u"tabs")
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsLayout = QVBoxLayout(self.detailsTab)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.typeLabel = QLabel(self.detailsTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.detailsTab)
        self.typeCombo.setObjectName(u"typeCombo")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.titleLabel = QLabel(self.detailsTab)
        self.titleLabel.setObjectName(u"titleLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.detailsTab)
        self.titleEdit.setObjectName(u"titleEdit")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.accountLabel = QLabel(self.detailsTab)
        self.accountLabel.setObjectName(u"accountLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(self.detailsTab)
        self.accountCombo.setObjectName(u"accountCombo")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.kindLabel = QLabel(self.detailsTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.detailsTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.statusLabel = QLabel(self.detailsTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(self.detailsTab)
        self.statusCombo.setObjectName(u"statusCombo")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.priorityLabel = QLabel(self.detailsTab)
        self.priorityLabel.setObjectName(u"priorityLabel")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.priorityLabel)

        self.priorityCombo = QComboBox(self.detailsTab)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.categoryLabel = QLabel(self.detailsTab)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.detailsTab)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.dueLabel = QLabel(self.detailsTab)
        self.dueLabel.setObjectName(u"dueLabel")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QDateTimeEdit(self.detailsTab)
        self.dueEdit.setObjectName(u"dueEdit")
        self.dueEdit.setCalendarPopup(True)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.descriptionLabel = QLabel(self.detailsTab)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(self.detailsTab)
        self.descriptionEdit.setObjectName(u"descriptionEdit")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)


        self.detailsLayout.addLayout(self.detailsForm)

        self.tabs.addTab(self.detailsTab, "")
        self.peopleTab = QWidget()
        self.peopleTab.setObjectName(u"peopleTab")
        self.peopleLayout = QVBoxLayout(self.peopleTab)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleForm = QFormLayout()
        self.peopleForm.setObjectName(u"peopleForm")
        self.peopleForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.departmentLabel = QLabel(self.peopleTab)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(self.peopleTab)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.peopleForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.routingLabel = QLabel(self.peopleTab)
        self.routingLabel.setObjectName(u"routingLabel")
        self.routingLabel.setWordWrap(True)
        self.routingLabel.setTextFormat(Qt.RichText)

        self.peopleForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.routingLabel)

        self.assigneesLabel = QLabel(self.peopleTab)
        self.assigneesLabel.setObjectName(u"assigneesLabel")

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.assigneesLabel)

        self.assigneesList = QListWidget(self.peopleTab)
        self.assigneesList.setObjectName(u"assigneesList")

        self.peopleForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.assigneesList)

        self.followersLabel = QLabel(self.peopleTab)
        self.followersLabel.setObjectName(u"followersLabel")

        self.peopleForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.followersLabel)

        self.followersList = QListWidget(self.peopleTab)
        self.followersList.setObjectName(u"followersList")
        self.followersList.setMaximumSize(QSize(16777215, 130))

        self.peopleForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.followersList)


        self.peopleLayout.addLayout(self.peopleForm)

        self.tabs.addTab(self.peopleTab, "")
        self.linksTab = QWidget()
        self.linksTab.setObjectName(u"linksTab")
        self.linksLayout = QVBoxLayout(self.linksTab)
        self.linksLayout.setObjectName(u"linksLayout")
        self.linksForm = QFormLayout()
        self.linksForm.setObjectName(u"linksForm")
        self.linksForm.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.channelsLabel = QLabel(self.linksTab)
        self.channelsLabel.setObjectName(u"channelsLabel")

        self.linksForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.channelsLabel)

        self.channelsList = QListWidget(self.linksTab)
        self.channelsList.setObjectName(u"channelsList")
        self.channelsList.setMaximumSize(QSize(16777215, 150))

        self.linksForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.channelsList)

        self.externalKeyLabel = QLabel(self.linksTab)
        self.externalKeyLabel.setObjectName(u"externalKeyLabel")

        self.linksForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.externalKeyLabel)

        self.externalKeyEdit = QLineEdit(self.linksTab)
        self.externalKeyEdit.setObjectName(u"externalKeyEdit")

        self.linksForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.externalKeyEdit)

        self.externalUrlLabel = QLabel(self.linksTab)
        self.externalUrlLabel.setObjectName(u"externalUrlLabel")

        self.linksForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.externalUrlLabel)

        self.externalUrlEdit = QLineEdit(self.linksTab)
        self.externalUrlEdit.setObjectName(u"externalUrlEdit")

        self.linksForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.externalUrlEdit)

        self.amLabel = QLabel(self.linksTab)
        self.amLabel.setObjectName(u"amLabel")

        self.linksForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amLabel)

        self.amCombo = QComboBox(self.linksTab)
        self.amCombo.setObjectName(u"amCombo")

        self.linksForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amCombo)

        self.rmLabel = QLabel(self.linksTab)
        self.rmLabel.setObjectName(u"rmLabel")

        self.linksForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rmLabel)

        self.rmCombo = QComboBox(self.linksTab)
        self.rmCombo.setObjectName(u"rmCombo")

        self.linksForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rmCombo)

        self.escalationNote = QLabel(self.linksTab)
        self.escalationNote.setObjectName(u"escalationNote")
        self.escalationNote.setWordWrap(True)

        self.linksForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.escalationNote)


        self.linksLayout.addLayout(self.linksForm)

        self.linksSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.linksLayout.addItem(self.linksSpacer)

        self.tabs.addTab(self.linksTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(TaskDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TaskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.typeLabel.setBuddy(self.typeCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.accountLabel.setBuddy(self.accountCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.priorityLabel.setBuddy(self.priorityCombo)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.dueLabel.setBuddy(self.dueEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.assigneesLabel.setBuddy(self.assigneesList)
        self.followersLabel.setBuddy(self.followersList)
        self.channelsLabel.setBuddy(self.channelsList)
        self.externalKeyLabel.setBuddy(self.externalKeyEdit)
        self.externalUrlLabel.setBuddy(self.externalUrlEdit)
        self.amLabel.setBuddy(self.amCombo)
        self.rmLabel.setBuddy(self.rmCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(TaskDialog)
    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(QCoreApplication.translate("TaskDialog", u"Task or ticket", None))
        self.typeLabel.setText(QCoreApplication.translate("TaskDialog", u"&Type", None))
        self.titleLabel.setText(QCoreApplication.translate("TaskDialog", u"T&itle", None))
        self.accountLabel.setText(QCoreApplication.translate("TaskDialog", u"&Account", None))
        self.kindLabel.setText(QCoreApplication.translate("TaskDialog", u"&Kind", None))
        self.statusLabel.setText(QCoreApplication.translate("TaskDialog", u"&Status", None))
        self.priorityLabel.setText(QCoreApplication.translate("TaskDialog", u"&Priority", None))
        self.categoryLabel.setText(QCoreApplication.translate("TaskDialog", u"&Category", None))
        self.dueLabel.setText(QCoreApplication.translate("TaskDialog", u"D&ue", None))
        self.dueEdit.setDisplayFormat(QCoreApplication.translate("TaskDialog", u"yyyy-MM-dd HH:mm", None))
        self.descriptionLabel.setText(QCoreApplication.translate("TaskDialog", u"Descri&ption", None))
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("TaskDialog", u"Details", None))
        self.departmentLabel.setText(QCoreApplication.translate("TaskDialog", u"&Department", None))
        self.routingLabel.setText("")
        self.assigneesLabel.setText(QCoreApplication.translate("TaskDialog", u"A&ssignees", None))
        self.followersLabel.setText(QCoreApplication.translate("TaskDialog", u"&Followers", None))
        self.tabs.setTabText(self.tabs.indexOf(self.peopleTab), QCoreApplication.translate("TaskDialog", u"People", None))
        self.channelsLabel.setText(QCoreApplication.translate("TaskDialog", u"C&hannels", None))
        self.externalKeyLabel.setText(QCoreApplication.translate("TaskDialog", u"External &key", None))
        self.externalKeyEdit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"Jira key, e.g. SS-1042", None))
        self.externalUrlLabel.setText(QCoreApplication.translate("TaskDialog", u"&Link", None))
        self.externalUrlEdit.setPlaceholderText(QCoreApplication.translate("TaskDialog", u"https://\u2026 (Teamwork task or Jira ticket)", None))
        self.amLabel.setText(QCoreApplication.translate("TaskDialog", u"Account &manager", None))
        self.rmLabel.setText(QCoreApplication.translate("TaskDialog", u"&Regional manager", None))
        self.escalationNote.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.linksTab), QCoreApplication.translate("TaskDialog", u"Links && escalation", None))
        self.errorLabel.setText("")
    # retranslateUi

