import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// The readable repetition picker: how often, on which days, until when.
// Nobody types RRULE text; the sentence below says what the choice means.
ShellDialog {
    id: dialog

    required property TodoController controller
    property string taskId
    // The choices (TodoController.ruleToPicker); the controls write its
    // fields, and every binding on them follows.
    property recurrencePicker picker
    readonly property string rule: controller ? controller.pickerToRule(picker) : ""
    readonly property bool repeats: picker.frequency !== Recurrence.DoesNotRepeat

    function openFor(id, rrule) {
        taskId = id
        picker = controller.ruleToPicker(rrule)
        open()
    }
    function toggleWeekday(day) {
        const days = picker.weekdays.slice()
        const i = days.indexOf(day)
        if (i >= 0) days.splice(i, 1); else days.push(day)
        picker.weekdays = days
    }

    title: qsTr("Repeat")
    width: 460

    contentItem: ColumnLayout {
        spacing: 12

        // "Every [2] [weeks]", or "Does not repeat".
        RowLayout {
            spacing: 8
            Label { visible: dialog.repeats; text: qsTr("Every"); color: Theme.text }
            SpinBox {
                objectName: "intervalBox"
                visible: dialog.repeats
                from: 1; to: 999
                value: dialog.picker.interval
                editable: true
                onValueModified: dialog.picker.interval = value
            }
            ComboBox {
                objectName: "frequencyBox"
                Layout.preferredWidth: 180
                readonly property int n: dialog.picker.interval
                model: [{ value: Recurrence.DoesNotRepeat, label: qsTr("Does not repeat") },
                        { value: Recurrence.Daily, label: qsTr("day(s)", "", n) },
                        { value: Recurrence.Weekly, label: qsTr("week(s)", "", n) },
                        { value: Recurrence.Monthly, label: qsTr("month(s)", "", n) },
                        { value: Recurrence.Yearly, label: qsTr("year(s)", "", n) }]
                textRole: "label"
                valueRole: "value"
                currentIndex: { count; return indexOfValue(dialog.picker.frequency) }
                onActivated: dialog.picker.frequency = currentValue
            }
        }

        // Weekly: the days.
        RowLayout {
            visible: dialog.picker.frequency === Recurrence.Weekly
            spacing: 4
            Repeater {
                model: 7
                Button {
                    required property int index
                    readonly property int day: index + 1
                    objectName: "weekday_" + day
                    text: Qt.locale().dayName(day % 7, Locale.ShortFormat)
                    checkable: true
                    checked: dialog.picker.weekdays.indexOf(day) >= 0
                    highlighted: checked
                    implicitWidth: 52
                    onClicked: dialog.toggleWeekday(day)
                }
            }
        }

        // Monthly: by day of month, or the Nth weekday.
        ColumnLayout {
            visible: dialog.picker.frequency === Recurrence.Monthly
            spacing: 6
            RowLayout {
                RadioButton {
                    text: qsTr("Monthly on")
                    checked: dialog.picker.monthlyMode === Recurrence.OnMonthDay
                    onClicked: dialog.picker.monthlyMode = Recurrence.OnMonthDay
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode === Recurrence.OnMonthDay
                    model: [{ value: 0, label: qsTr("the due date's day") }].concat(
                               Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: qsTr("day %1").arg(i + 1) })),
                               [{ value: -1, label: qsTr("the last day") }])
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.monthDay)) }
                    onActivated: dialog.picker.monthDay = currentValue
                }
            }
            RowLayout {
                RadioButton {
                    text: qsTr("On the")
                    checked: dialog.picker.monthlyMode === Recurrence.OnWeekday
                    onClicked: {
                        dialog.picker.monthlyMode = Recurrence.OnWeekday
                        if (!dialog.picker.weekdayPosition) dialog.picker.weekdayPosition = 1
                    }
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode === Recurrence.OnWeekday
                    model: [{ value: 1, label: qsTr("first") }, { value: 2, label: qsTr("second") },
                            { value: 3, label: qsTr("third") }, { value: 4, label: qsTr("fourth") },
                            { value: -1, label: qsTr("last") }]
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.weekdayPosition)) }
                    onActivated: dialog.picker.weekdayPosition = currentValue
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode === Recurrence.OnWeekday
                    model: Array.from({ length: 7 }, (_, i) => ({ value: i + 1, label: Qt.locale().dayName((i + 1) % 7) }))
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.weekday)) }
                    onActivated: dialog.picker.weekday = currentValue
                }
            }
        }

        // The end of the series.
        GridLayout {
            visible: dialog.repeats
            columns: 2
            columnSpacing: 8
            RadioButton {
                objectName: "endNever"
                Layout.columnSpan: 2
                text: qsTr("Never ends")
                checked: dialog.picker.end === Recurrence.NeverEnds
                onClicked: dialog.picker.end = Recurrence.NeverEnds
            }
            RadioButton {
                objectName: "endCount"
                text: qsTr("Ends after")
                checked: dialog.picker.end === Recurrence.EndsAfterCount
                onClicked: {
                    dialog.picker.end = Recurrence.EndsAfterCount
                    if (!(dialog.picker.count > 0)) dialog.picker.count = 10
                }
            }
            RowLayout {
                SpinBox {
                    enabled: dialog.picker.end === Recurrence.EndsAfterCount
                    from: 1; to: 5000
                    editable: true
                    value: dialog.picker.count > 0 ? dialog.picker.count : 10
                    onValueModified: dialog.picker.count = value
                }
                Label { text: qsTr("occurrences"); color: Theme.text }
            }
            RadioButton {
                objectName: "endUntil"
                text: qsTr("Ends on")
                checked: dialog.picker.end === Recurrence.EndsOnDate
                onClicked: dialog.picker.end = Recurrence.EndsOnDate
            }
            DateField {
                enabled: dialog.picker.end === Recurrence.EndsOnDate
                optional: false
                text: dialog.picker.until
                onEdited: t => dialog.picker.until = t
            }
        }

        Label {
            objectName: "recurrencePreview"
            Layout.fillWidth: true
            text: !dialog.controller ? ""
                  : dialog.repeats && dialog.rule === "" ? dialog.controller.lastError()
                  : dialog.controller.describeRule(dialog.rule)
            color: dialog.repeats && dialog.rule === "" ? Theme.errorText : Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }

    footer: Pane {
        background: Item {}
        padding: 20
        RowLayout {
            anchors.right: parent.right
            spacing: 8
            Button { text: qsTr("Cancel"); onClicked: dialog.close() }
            Button {
                objectName: "saveRecurrence"
                text: qsTr("Save")
                highlighted: true
                enabled: !dialog.repeats || dialog.rule !== ""
                onClicked: {
                    if (dialog.controller.setRecurrence(dialog.taskId, dialog.picker))
                        dialog.close()
                }
            }
        }
    }
}
