# Generated from ui/settings_view.ui by tools/build_forms.py: edit the .ui file, not this one.
# -*- coding: utf-8 -*-

# Settings: people (roles), business calendar, response times (R4, R8, R10), SLA targets, task kinds (R3), support contacts (R16). Saved with one button.

################################################################################
## Form generated from reading UI file 'settings_view.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QTimeEdit, QVBoxLayout, QWidget

class Ui_SettingsView(object):
    def setupUi(self, SettingsView):
        if not SettingsView.objectName():
            SettingsView.setObjectName(u"SettingsView")
        self.settingsLayout = QVBoxLayout(SettingsView)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.scrollArea = QScrollArea(SettingsView)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.columnsLayout = QHBoxLayout(self.scrollContents)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 4, -1)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.peopleBox = QGroupBox(self.scrollContents)
        self.peopleBox.setObjectName(u"peopleBox")
        self.peopleLayout = QFormLayout(self.peopleBox)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.meLabel = QLabel(self.peopleBox)
        self.meLabel.setObjectName(u"meLabel")

        self.peopleLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meLabel)

        self.meCombo = QComboBox(self.peopleBox)
        self.meCombo.setObjectName(u"meCombo")
        self.meCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.meCombo.setMinimumContentsLength(12)

        self.peopleLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meCombo)

        self.cssLabel = QLabel(self.peopleBox)
        self.cssLabel.setObjectName(u"cssLabel")

        self.peopleLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cssLabel)

        self.cssCombo = QComboBox(self.peopleBox)
        self.cssCombo.setObjectName(u"cssCombo")
        self.cssCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.cssCombo.setMinimumContentsLength(12)

        self.peopleLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cssCombo)

        self.fallbackLabel = QLabel(self.peopleBox)
        self.fallbackLabel.setObjectName(u"fallbackLabel")

        self.peopleLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fallbackLabel)

        self.fallbackCombo = QComboBox(self.peopleBox)
        self.fallbackCombo.setObjectName(u"fallbackCombo")
        self.fallbackCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.fallbackCombo.setMinimumContentsLength(12)

        self.peopleLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fallbackCombo)

        self.peopleHint = QLabel(self.peopleBox)
        self.peopleHint.setObjectName(u"peopleHint")
        self.peopleHint.setWordWrap(True)

        self.peopleLayout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.peopleHint)


        self.leftColumn.addWidget(self.peopleBox)

        self.calendarBox = QGroupBox(self.scrollContents)
        self.calendarBox.setObjectName(u"calendarBox")
        self.calendarLayout = QFormLayout(self.calendarBox)
        self.calendarLayout.setObjectName(u"calendarLayout")
        self.calendarLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.timezoneLabel = QLabel(self.calendarBox)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.calendarLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneCombo = QComboBox(self.calendarBox)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.timezoneCombo.setMinimumContentsLength(12)
        self.timezoneCombo.setEditable(True)
        self.timezoneCombo.setInsertPolicy(QComboBox.NoInsert)

        self.calendarLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.timezoneCombo)

        self.workdaysLabel = QLabel(self.calendarBox)
        self.workdaysLabel.setObjectName(u"workdaysLabel")

        self.calendarLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.workdaysLabel)

        self.workdaysLayout = QHBoxLayout()
        self.workdaysLayout.setObjectName(u"workdaysLayout")
        self.mondayCheck = QCheckBox(self.calendarBox)
        self.mondayCheck.setObjectName(u"mondayCheck")

        self.workdaysLayout.addWidget(self.mondayCheck)

        self.tuesdayCheck = QCheckBox(self.calendarBox)
        self.tuesdayCheck.setObjectName(u"tuesdayCheck")

        self.workdaysLayout.addWidget(self.tuesdayCheck)

        self.wednesdayCheck = QCheckBox(self.calendarBox)
        self.wednesdayCheck.setObjectName(u"wednesdayCheck")

        self.workdaysLayout.addWidget(self.wednesdayCheck)

        self.thursdayCheck = QCheckBox(self.calendarBox)
        self.thursdayCheck.setObjectName(u"thursdayCheck")

        self.workdaysLayout.addWidget(self.thursdayCheck)

        self.fridayCheck = QCheckBox(self.calendarBox)
        self.fridayCheck.setObjectName(u"fridayCheck")

        self.workdaysLayout.addWidget(self.fridayCheck)

        self.saturdayCheck = QCheckBox(self.calendarBox)
        self.saturdayCheck.setObjectName(u"saturdayCheck")

        self.workdaysLayout.addWidget(self.saturdayCheck)

        self.sundayCheck = QCheckBox(self.calendarBox)
        self.sundayCheck.setObjectName(u"sundayCheck")

        self.workdaysLayout.addWidget(self.sundayCheck)

        self.workdaysSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.workdaysLayout.addItem(self.workdaysSpacer)


        self.calendarLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.workdaysLayout)

        self.hoursLabel = QLabel(self.calendarBox)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.calendarLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursLayout = QHBoxLayout()
        self.hoursLayout.setObjectName(u"hoursLayout")
        self.startTimeEdit = QTimeEdit(self.calendarBox)
        self.startTimeEdit.setObjectName(u"startTimeEdit")

        self.hoursLayout.addWidget(self.startTimeEdit)

        self.hoursToLabel = QLabel(self.calendarBox)
        self.hoursToLabel.setObjectName(u"hoursToLabel")

        self.hoursLayout.addWidget(self.hoursToLabel)

        self.endTimeEdit = QTimeEdit(self.calendarBox)
        self.endTimeEdit.setObjectName(u"endTimeEdit")

        self.hoursLayout.addWidget(self.endTimeEdit)

        self.hoursSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.hoursLayout.addItem(self.hoursSpacer)


        self.calendarLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.hoursLayout)

        self.countryLabel = QLabel(self.calendarBox)
        self.countryLabel.setObjectName(u"countryLabel")

        self.calendarLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.holidaysLayout = QHBoxLayout()
        self.holidaysLayout.setObjectName(u"holidaysLayout")
        self.countryCombo = QComboBox(self.calendarBox)
        self.countryCombo.setObjectName(u"countryCombo")
        self.countryCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.countryCombo.setMinimumContentsLength(12)

        self.holidaysLayout.addWidget(self.countryCombo)

        self.subdivisionCombo = QComboBox(self.calendarBox)
        self.subdivisionCombo.setObjectName(u"subdivisionCombo")
        self.subdivisionCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.subdivisionCombo.setMinimumContentsLength(12)

        self.holidaysLayout.addWidget(self.subdivisionCombo)

        self.holidaysLayout.setStretch(0, 3)
        self.holidaysLayout.setStretch(1, 2)

        self.calendarLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.holidaysLayout)

        self.holidayHintLabel = QLabel(self.calendarBox)
        self.holidayHintLabel.setObjectName(u"holidayHintLabel")
        self.holidayHintLabel.setWordWrap(True)

        self.calendarLayout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.holidayHintLabel)

        self.daysOffLabel = QLabel(self.calendarBox)
        self.daysOffLabel.setObjectName(u"daysOffLabel")

        self.calendarLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.daysOffLabel)

        self.daysOffLayout = QHBoxLayout()
        self.daysOffLayout.setObjectName(u"daysOffLayout")
        self.daysOffList = QListWidget(self.calendarBox)
        self.daysOffList.setObjectName(u"daysOffList")
        self.daysOffList.setMaximumSize(QSize(16777215, 80))
        self.daysOffList.setAlternatingRowColors(True)

        self.daysOffLayout.addWidget(self.daysOffList)

        self.daysOffButtons = QVBoxLayout()
        self.daysOffButtons.setObjectName(u"daysOffButtons")
        self.dayOffEdit = QDateEdit(self.calendarBox)
        self.dayOffEdit.setObjectName(u"dayOffEdit")
        self.dayOffEdit.setCalendarPopup(True)

        self.daysOffButtons.addWidget(self.dayOffEdit)

        self.dayOffButtonRow = QHBoxLayout()
        self.dayOffButtonRow.setObjectName(u"dayOffButtonRow")
        self.addDayOffButton = QPushButton(self.calendarBox)
        self.addDayOffButton.setObjectName(u"addDayOffButton")

        self.dayOffButtonRow.addWidget(self.addDayOffButton)

        self.removeDayOffButton = QPushButton(self.calendarBox)
        self.removeDayOffButton.setObjectName(u"removeDayOffButton")

        self.dayOffButtonRow.addWidget(self.removeDayOffButton)


        self.daysOffButtons.addLayout(self.dayOffButtonRow)


        self.daysOffLayout.addLayout(self.daysOffButtons)


        self.calendarLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.daysOffLayout)


        self.leftColumn.addWidget(self.calendarBox)

        self.kindsBox = QGroupBox(self.scrollContents)
        self.kindsBox.setObjectName(u"kindsBox")
        self.kindsLayout = QVBoxLayout(self.kindsBox)
        self.kindsLayout.setObjectName(u"kindsLayout")
        self.kindsTable = QTableWidget(self.kindsBox)
        self.kindsTable.setObjectName(u"kindsTable")
        self.kindsTable.setAlternatingRowColors(False)
        self.kindsTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.kindsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.kindsTable.setWordWrap(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kindsTable.sizePolicy().hasHeightForWidth())
        self.kindsTable.setSizePolicy(sizePolicy)

        self.kindsLayout.addWidget(self.kindsTable)

        self.kindsButtons = QHBoxLayout()
        self.kindsButtons.setObjectName(u"kindsButtons")
        self.newKindEdit = QLineEdit(self.kindsBox)
        self.newKindEdit.setObjectName(u"newKindEdit")

        self.kindsButtons.addWidget(self.newKindEdit)

        self.newKindHoursSpin = QSpinBox(self.kindsBox)
        self.newKindHoursSpin.setObjectName(u"newKindHoursSpin")
        self.newKindHoursSpin.setMinimum(1)
        self.newKindHoursSpin.setMaximum(8760)
        self.newKindHoursSpin.setValue(48)
        self.newKindHoursSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.kindsButtons.addWidget(self.newKindHoursSpin)

        self.addKindButton = QPushButton(self.kindsBox)
        self.addKindButton.setObjectName(u"addKindButton")

        self.kindsButtons.addWidget(self.addKindButton)

        self.removeKindButton = QPushButton(self.kindsBox)
        self.removeKindButton.setObjectName(u"removeKindButton")

        self.kindsButtons.addWidget(self.removeKindButton)


        self.kindsLayout.addLayout(self.kindsButtons)


        self.leftColumn.addWidget(self.kindsBox)

        self.leftColumn.setStretch(2, 1)

        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.responseBox = QGroupBox(self.scrollContents)
        self.responseBox.setObjectName(u"responseBox")
        self.responseLayout = QVBoxLayout(self.responseBox)
        self.responseLayout.setObjectName(u"responseLayout")
        self.amResponseLabel = QLabel(self.responseBox)
        self.amResponseLabel.setObjectName(u"amResponseLabel")
        self.amResponseLabel.setWordWrap(True)

        self.responseLayout.addWidget(self.amResponseLabel)

        self.amResponseGrid = QGridLayout()
        self.amResponseGrid.setObjectName(u"amResponseGrid")
        self.highestLabel = QLabel(self.responseBox)
        self.highestLabel.setObjectName(u"highestLabel")

        self.amResponseGrid.addWidget(self.highestLabel, 0, 0, 1, 1)

        self.highestSpin = QDoubleSpinBox(self.responseBox)
        self.highestSpin.setObjectName(u"highestSpin")
        self.highestSpin.setDecimals(2)
        self.highestSpin.setMaximum(9999.000000000000000)
        self.highestSpin.setSingleStep(0.500000000000000)
        self.highestSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.amResponseGrid.addWidget(self.highestSpin, 0, 1, 1, 1)

        self.highLabel = QLabel(self.responseBox)
        self.highLabel.setObjectName(u"highLabel")

        self.amResponseGrid.addWidget(self.highLabel, 0, 2, 1, 1)

        self.highSpin = QDoubleSpinBox(self.responseBox)
        self.highSpin.setObjectName(u"highSpin")
        self.highSpin.setDecimals(2)
        self.highSpin.setMaximum(9999.000000000000000)
        self.highSpin.setSingleStep(0.500000000000000)
        self.highSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.amResponseGrid.addWidget(self.highSpin, 0, 3, 1, 1)

        self.mediumLabel = QLabel(self.responseBox)
        self.mediumLabel.setObjectName(u"mediumLabel")

        self.amResponseGrid.addWidget(self.mediumLabel, 0, 4, 1, 1)

        self.mediumSpin = QDoubleSpinBox(self.responseBox)
        self.mediumSpin.setObjectName(u"mediumSpin")
        self.mediumSpin.setDecimals(2)
        self.mediumSpin.setMaximum(9999.000000000000000)
        self.mediumSpin.setSingleStep(0.500000000000000)
        self.mediumSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.amResponseGrid.addWidget(self.mediumSpin, 0, 5, 1, 1)

        self.lowLabel = QLabel(self.responseBox)
        self.lowLabel.setObjectName(u"lowLabel")

        self.amResponseGrid.addWidget(self.lowLabel, 1, 0, 1, 1)

        self.lowSpin = QDoubleSpinBox(self.responseBox)
        self.lowSpin.setObjectName(u"lowSpin")
        self.lowSpin.setDecimals(2)
        self.lowSpin.setMaximum(9999.000000000000000)
        self.lowSpin.setSingleStep(0.500000000000000)
        self.lowSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.amResponseGrid.addWidget(self.lowSpin, 1, 1, 1, 1)

        self.lowestLabel = QLabel(self.responseBox)
        self.lowestLabel.setObjectName(u"lowestLabel")

        self.amResponseGrid.addWidget(self.lowestLabel, 1, 2, 1, 1)

        self.lowestSpin = QDoubleSpinBox(self.responseBox)
        self.lowestSpin.setObjectName(u"lowestSpin")
        self.lowestSpin.setDecimals(2)
        self.lowestSpin.setMaximum(9999.000000000000000)
        self.lowestSpin.setSingleStep(0.500000000000000)
        self.lowestSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.amResponseGrid.addWidget(self.lowestSpin, 1, 3, 1, 1)

        self.amResponseGrid.setColumnStretch(6, 1)

        self.responseLayout.addLayout(self.amResponseGrid)

        self.responseGrid = QGridLayout()
        self.responseGrid.setObjectName(u"responseGrid")
        self.staleLabel = QLabel(self.responseBox)
        self.staleLabel.setObjectName(u"staleLabel")

        self.responseGrid.addWidget(self.staleLabel, 0, 0, 1, 1)

        self.staleSpin = QSpinBox(self.responseBox)
        self.staleSpin.setObjectName(u"staleSpin")
        self.staleSpin.setMaximum(365)
        self.staleSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responseGrid.addWidget(self.staleSpin, 0, 1, 1, 1)

        self.staleUnitLabel = QLabel(self.responseBox)
        self.staleUnitLabel.setObjectName(u"staleUnitLabel")

        self.responseGrid.addWidget(self.staleUnitLabel, 0, 2, 1, 1)

        self.nearBreachLabel = QLabel(self.responseBox)
        self.nearBreachLabel.setObjectName(u"nearBreachLabel")

        self.responseGrid.addWidget(self.nearBreachLabel, 1, 0, 1, 1)

        self.nearBreachSpin = QSpinBox(self.responseBox)
        self.nearBreachSpin.setObjectName(u"nearBreachSpin")
        self.nearBreachSpin.setMaximum(100)
        self.nearBreachSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responseGrid.addWidget(self.nearBreachSpin, 1, 1, 1, 1)

        self.nearBreachUnitLabel = QLabel(self.responseBox)
        self.nearBreachUnitLabel.setObjectName(u"nearBreachUnitLabel")

        self.responseGrid.addWidget(self.nearBreachUnitLabel, 1, 2, 1, 1)

        self.highLoadLabel = QLabel(self.responseBox)
        self.highLoadLabel.setObjectName(u"highLoadLabel")

        self.responseGrid.addWidget(self.highLoadLabel, 2, 0, 1, 1)

        self.highLoadSpin = QSpinBox(self.responseBox)
        self.highLoadSpin.setObjectName(u"highLoadSpin")
        self.highLoadSpin.setMaximum(100000)
        self.highLoadSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responseGrid.addWidget(self.highLoadSpin, 2, 1, 1, 1)

        self.highLoadUnitLabel = QLabel(self.responseBox)
        self.highLoadUnitLabel.setObjectName(u"highLoadUnitLabel")

        self.responseGrid.addWidget(self.highLoadUnitLabel, 2, 2, 1, 1)

        self.adoptionLabel = QLabel(self.responseBox)
        self.adoptionLabel.setObjectName(u"adoptionLabel")

        self.responseGrid.addWidget(self.adoptionLabel, 3, 0, 1, 1)

        self.adoptionSpin = QSpinBox(self.responseBox)
        self.adoptionSpin.setObjectName(u"adoptionSpin")
        self.adoptionSpin.setMinimum(1)
        self.adoptionSpin.setMaximum(100)
        self.adoptionSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responseGrid.addWidget(self.adoptionSpin, 3, 1, 1, 1)

        self.adoptionUnitLabel = QLabel(self.responseBox)
        self.adoptionUnitLabel.setObjectName(u"adoptionUnitLabel")

        self.responseGrid.addWidget(self.adoptionUnitLabel, 3, 2, 1, 1)

        self.renewalLabel = QLabel(self.responseBox)
        self.renewalLabel.setObjectName(u"renewalLabel")

        self.responseGrid.addWidget(self.renewalLabel, 4, 0, 1, 1)

        self.renewalSpin = QSpinBox(self.responseBox)
        self.renewalSpin.setObjectName(u"renewalSpin")
        self.renewalSpin.setMinimum(1)
        self.renewalSpin.setMaximum(730)
        self.renewalSpin.setAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)

        self.responseGrid.addWidget(self.renewalSpin, 4, 1, 1, 1)

        self.renewalUnitLabel = QLabel(self.responseBox)
        self.renewalUnitLabel.setObjectName(u"renewalUnitLabel")

        self.responseGrid.addWidget(self.renewalUnitLabel, 4, 2, 1, 1)

        self.remindersCheck = QCheckBox(self.responseBox)
        self.remindersCheck.setObjectName(u"remindersCheck")

        self.responseGrid.addWidget(self.remindersCheck, 5, 0, 1, 3)

        self.responseGrid.setColumnStretch(2, 1)

        self.responseLayout.addLayout(self.responseGrid)


        self.rightColumn.addWidget(self.responseBox)

        self.slaBox = QGroupBox(self.scrollContents)
        self.slaBox.setObjectName(u"slaBox")
        self.slaLayout = QVBoxLayout(self.slaBox)
        self.slaLayout.setObjectName(u"slaLayout")
        self.slaTable = QTableWidget(self.slaBox)
        self.slaTable.setObjectName(u"slaTable")
        self.slaTable.setAlternatingRowColors(False)
        self.slaTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.slaTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.slaTable.setWordWrap(False)

        self.slaLayout.addWidget(self.slaTable)


        self.rightColumn.addWidget(self.slaBox)

        self.contactsBox = QGroupBox(self.scrollContents)
        self.contactsBox.setObjectName(u"contactsBox")
        self.contactsLayout = QFormLayout(self.contactsBox)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.supportEmailLabel = QLabel(self.contactsBox)
        self.supportEmailLabel.setObjectName(u"supportEmailLabel")

        self.contactsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.supportEmailLabel)

        self.supportEmailEdit = QLineEdit(self.contactsBox)
        self.supportEmailEdit.setObjectName(u"supportEmailEdit")

        self.contactsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.supportEmailEdit)

        self.supportPhoneLabel = QLabel(self.contactsBox)
        self.supportPhoneLabel.setObjectName(u"supportPhoneLabel")

        self.contactsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.supportPhoneLabel)

        self.supportPhoneEdit = QLineEdit(self.contactsBox)
        self.supportPhoneEdit.setObjectName(u"supportPhoneEdit")

        self.contactsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.supportPhoneEdit)

        self.contactsHint = QLabel(self.contactsBox)
        self.contactsHint.setObjectName(u"contactsHint")
        self.contactsHint.setWordWrap(True)

        self.contactsLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.contactsHint)


        self.rightColumn.addWidget(self.contactsBox)

        self.rightSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columnsLayout.addLayout(self.rightColumn)

        self.columnsLayout.setStretch(0, 5)
        self.columnsLayout.setStretch(1, 6)
        self.scrollArea.setWidget(self.scrollContents)

        self.settingsLayout.addWidget(self.scrollArea)

        self.errorLabel = QLabel(SettingsView)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.settingsLayout.addWidget(self.errorLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.savedLabel = QLabel(SettingsView)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setVisible(False)

        self.buttonsLayout.addWidget(self.savedLabel)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.revertButton = QPushButton(SettingsView)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonsLayout.addWidget(self.revertButton)

        self.saveButton = QPushButton(SettingsView)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonsLayout.addWidget(self.saveButton)


        self.settingsLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.meLabel.setBuddy(self.meCombo)
        self.cssLabel.setBuddy(self.cssCombo)
        self.fallbackLabel.setBuddy(self.fallbackCombo)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
        self.workdaysLabel.setBuddy(self.mondayCheck)
        self.hoursLabel.setBuddy(self.startTimeEdit)
        self.countryLabel.setBuddy(self.countryCombo)
        self.daysOffLabel.setBuddy(self.dayOffEdit)
        self.highestLabel.setBuddy(self.highestSpin)
        self.highLabel.setBuddy(self.highSpin)
        self.mediumLabel.setBuddy(self.mediumSpin)
        self.lowLabel.setBuddy(self.lowSpin)
        self.lowestLabel.setBuddy(self.lowestSpin)
        self.staleLabel.setBuddy(self.staleSpin)
        self.nearBreachLabel.setBuddy(self.nearBreachSpin)
        self.highLoadLabel.setBuddy(self.highLoadSpin)
        self.adoptionLabel.setBuddy(self.adoptionSpin)
        self.renewalLabel.setBuddy(self.renewalSpin)
        self.supportEmailLabel.setBuddy(self.supportEmailEdit)
        self.supportPhoneLabel.setBuddy(self.supportPhoneEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsView)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(SettingsView)
    # setupUi

    def retranslateUi(self, SettingsView):
        self.peopleBox.setTitle(QCoreApplication.translate("SettingsView", u"People", None))
        self.meLabel.setText(QCoreApplication.translate("SettingsView", u"&Me (the CSM):", None))
        self.cssLabel.setText(QCoreApplication.translate("SettingsView", u"My &CSS / CSM partner:", None))
        self.fallbackLabel.setText(QCoreApplication.translate("SettingsView", u"Escalation &fallback manager:", None))
        self.peopleHint.setText(QCoreApplication.translate("SettingsView", u"You and your CSS join every new task and ticket. The fallback manager steps in when a ticket's account manager is also its regional manager.", None))
        self.calendarBox.setTitle(QCoreApplication.translate("SettingsView", u"Business calendar", None))
        self.timezoneLabel.setText(QCoreApplication.translate("SettingsView", u"&Time zone:", None))
        self.workdaysLabel.setText(QCoreApplication.translate("SettingsView", u"Working days:", None))
        self.mondayCheck.setText(QCoreApplication.translate("SettingsView", u"Mon", None))
        self.tuesdayCheck.setText(QCoreApplication.translate("SettingsView", u"Tue", None))
        self.wednesdayCheck.setText(QCoreApplication.translate("SettingsView", u"Wed", None))
        self.thursdayCheck.setText(QCoreApplication.translate("SettingsView", u"Thu", None))
        self.fridayCheck.setText(QCoreApplication.translate("SettingsView", u"Fri", None))
        self.saturdayCheck.setText(QCoreApplication.translate("SettingsView", u"Sat", None))
        self.sundayCheck.setText(QCoreApplication.translate("SettingsView", u"Sun", None))
        self.hoursLabel.setText(QCoreApplication.translate("SettingsView", u"Working ho&urs:", None))
        self.startTimeEdit.setDisplayFormat(QCoreApplication.translate("SettingsView", u"HH:mm", None))
        self.hoursToLabel.setText(QCoreApplication.translate("SettingsView", u"to", None))
        self.endTimeEdit.setDisplayFormat(QCoreApplication.translate("SettingsView", u"HH:mm", None))
        self.countryLabel.setText(QCoreApplication.translate("SettingsView", u"Public &holidays:", None))
        self.holidayHintLabel.setText("")
        self.daysOffLabel.setText(QCoreApplication.translate("SettingsView", u"Extra days off:", None))
        self.dayOffEdit.setDisplayFormat(QCoreApplication.translate("SettingsView", u"ddd d MMM yyyy", None))
        self.addDayOffButton.setText(QCoreApplication.translate("SettingsView", u"Add", None))
        self.removeDayOffButton.setText(QCoreApplication.translate("SettingsView", u"Remove", None))
        self.kindsBox.setTitle(QCoreApplication.translate("SettingsView", u"Task kinds and their default durations", None))
        self.newKindEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"New kind, e.g. Landing page", None))
        self.newKindHoursSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.addKindButton.setText(QCoreApplication.translate("SettingsView", u"Add kind", None))
        self.removeKindButton.setText(QCoreApplication.translate("SettingsView", u"Remove", None))
        self.responseBox.setTitle(QCoreApplication.translate("SettingsView", u"Response times", None))
        self.amResponseLabel.setText(QCoreApplication.translate("SettingsView", u"An account manager must answer a ticket within (business hours, by priority):", None))
        self.highestLabel.setText(QCoreApplication.translate("SettingsView", u"Highest:", None))
        self.highestSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.highLabel.setText(QCoreApplication.translate("SettingsView", u"High:", None))
        self.highSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.mediumLabel.setText(QCoreApplication.translate("SettingsView", u"Medium:", None))
        self.mediumSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.lowLabel.setText(QCoreApplication.translate("SettingsView", u"Low:", None))
        self.lowSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.lowestLabel.setText(QCoreApplication.translate("SettingsView", u"Lowest:", None))
        self.lowestSpin.setSuffix(QCoreApplication.translate("SettingsView", u" h", None))
        self.staleLabel.setText(QCoreApplication.translate("SettingsView", u"&Stale ticket:", None))
        self.staleSpin.setSuffix("")
        self.staleUnitLabel.setText(QCoreApplication.translate("SettingsView", u"working days without a follow-up", None))
        self.nearBreachLabel.setText(QCoreApplication.translate("SettingsView", u"SLA &near breach:", None))
        self.nearBreachSpin.setSuffix(QCoreApplication.translate("SettingsView", u" %", None))
        self.nearBreachUnitLabel.setText(QCoreApplication.translate("SettingsView", u"or less of the target left", None))
        self.highLoadLabel.setText(QCoreApplication.translate("SettingsView", u"High &load:", None))
        self.highLoadSpin.setSuffix("")
        self.highLoadUnitLabel.setText(QCoreApplication.translate("SettingsView", u"open items or more: suggest warning clients", None))
        self.adoptionLabel.setText(QCoreApplication.translate("SettingsView", u"&Adoption:", None))
        self.adoptionSpin.setSuffix(QCoreApplication.translate("SettingsView", u" %", None))
        self.adoptionUnitLabel.setText(QCoreApplication.translate("SettingsView", u"of modules used or less: an opportunity", None))
        self.renewalLabel.setText(QCoreApplication.translate("SettingsView", u"Re&newal soon:", None))
        self.renewalSpin.setSuffix(QCoreApplication.translate("SettingsView", u" days", None))
        self.renewalUnitLabel.setText(QCoreApplication.translate("SettingsView", u"or less to the renewal date", None))
        self.remindersCheck.setText(QCoreApplication.translate("SettingsView", u"Show desktop &reminders for overdue and escalation-due items", None))
        self.slaBox.setTitle(QCoreApplication.translate("SettingsView", u"SLA targets", None))
        self.contactsBox.setTitle(QCoreApplication.translate("SettingsView", u"Support contacts", None))
        self.supportEmailLabel.setText(QCoreApplication.translate("SettingsView", u"Support &email:", None))
        self.supportEmailEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"support@yourcompany.com", None))
        self.supportPhoneLabel.setText(QCoreApplication.translate("SettingsView", u"Support &phone:", None))
        self.supportPhoneEdit.setPlaceholderText(QCoreApplication.translate("SettingsView", u"+1 555 0100", None))
        self.contactsHint.setText(QCoreApplication.translate("SettingsView", u"Your out-of-office auto-reply names these as the alternative contacts.", None))
        self.errorLabel.setText("")
        self.savedLabel.setText(QCoreApplication.translate("SettingsView", u"Saved.", None))
        self.revertButton.setText(QCoreApplication.translate("SettingsView", u"Revert", None))
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("SettingsView", u"Discard the changes made since the last save", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("SettingsView", u"Save settings", None))
        pass
    # retranslateUi

