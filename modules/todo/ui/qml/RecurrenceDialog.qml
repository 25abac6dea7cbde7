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
    // The picker's map (TodoController.ruleToPicker).
    property var picker: ({})
    readonly property string rule: controller.pickerToRule(picker)
    readonly property bool repeats: (picker.frequency || "none") !== "none"

    function openFor(id, rrule) {
        taskId = id
        const p = controller.ruleToPicker(rrule)
        picker = p.frequency ? p : { frequency: "none", interval: 1, weekdays: [], monthlyMode: "day", monthDay: 0,
                                     weekdayPosition: 1, weekday: 1, end: "never", count: 10, until: "" }
        open()
    }
    function change(key, value) {
        const p = Object.assign({}, picker)
        p[key] = value
        picker = p
    }
    function toggleWeekday(day) {
        const days = (picker.weekdays || []).slice()
        const i = days.indexOf(day)
        if (i >= 0) days.splice(i, 1); else days.push(day)
        change("weekdays", days)
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
                value: dialog.picker.interval || 1
                editable: true
                onValueModified: dialog.change("interval", value)
            }
            ComboBox {
                objectName: "frequencyBox"
                Layout.preferredWidth: 180
                readonly property int n: dialog.picker.interval || 1
                model: [{ value: "none", label: qsTr("Does not repeat") },
                        { value: "daily", label: qsTr("day(s)", "", n) },
                        { value: "weekly", label: qsTr("week(s)", "", n) },
                        { value: "monthly", label: qsTr("month(s)", "", n) },
                        { value: "yearly", label: qsTr("year(s)", "", n) }]
                textRole: "label"
                valueRole: "value"
                currentIndex: { count; return indexOfValue(dialog.picker.frequency || "none") }
                onActivated: dialog.change("frequency", currentValue)
            }
        }

        // Weekly: the days.
        RowLayout {
            visible: dialog.picker.frequency === "weekly"
            spacing: 4
            Repeater {
                model: 7
                Button {
                    required property int index
                    readonly property int day: index + 1
                    objectName: "weekday_" + day
                    text: Qt.locale().dayName(day % 7, Locale.ShortFormat)
                    checkable: true
                    checked: (dialog.picker.weekdays || []).indexOf(day) >= 0
                    highlighted: checked
                    implicitWidth: 52
                    onClicked: dialog.toggleWeekday(day)
                }
            }
        }

        // Monthly: by day of month, or the Nth weekday.
        ColumnLayout {
            visible: dialog.picker.frequency === "monthly"
            spacing: 6
            RowLayout {
                RadioButton {
                    text: qsTr("Monthly on")
                    checked: dialog.picker.monthlyMode !== "weekday"
                    onClicked: dialog.change("monthlyMode", "day")
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode !== "weekday"
                    model: [{ value: 0, label: qsTr("the due date's day") }].concat(
                               Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: qsTr("day %1").arg(i + 1) })),
                               [{ value: -1, label: qsTr("the last day") }])
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.monthDay || 0)) }
                    onActivated: dialog.change("monthDay", currentValue)
                }
            }
            RowLayout {
                RadioButton {
                    text: qsTr("On the")
                    checked: dialog.picker.monthlyMode === "weekday"
                    onClicked: {
                        const p = Object.assign({}, dialog.picker)
                        p.monthlyMode = "weekday"
                        if (!p.weekdayPosition) p.weekdayPosition = 1
                        dialog.picker = p
                    }
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode === "weekday"
                    model: [{ value: 1, label: qsTr("first") }, { value: 2, label: qsTr("second") },
                            { value: 3, label: qsTr("third") }, { value: 4, label: qsTr("fourth") },
                            { value: -1, label: qsTr("last") }]
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.weekdayPosition || 1)) }
                    onActivated: dialog.change("weekdayPosition", currentValue)
                }
                ComboBox {
                    enabled: dialog.picker.monthlyMode === "weekday"
                    model: Array.from({ length: 7 }, (_, i) => ({ value: i + 1, label: Qt.locale().dayName((i + 1) % 7) }))
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(dialog.picker.weekday || 1)) }
                    onActivated: dialog.change("weekday", currentValue)
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
                checked: dialog.picker.end === "never"
                onClicked: dialog.change("end", "never")
            }
            RadioButton {
                objectName: "endCount"
                text: qsTr("Ends after")
                checked: dialog.picker.end === "count"
                onClicked: {
                    const p = Object.assign({}, dialog.picker)
                    p.end = "count"
                    if (!(p.count > 0)) p.count = 10
                    dialog.picker = p
                }
            }
            RowLayout {
                SpinBox {
                    enabled: dialog.picker.end === "count"
                    from: 1; to: 5000
                    editable: true
                    value: dialog.picker.count > 0 ? dialog.picker.count : 10
                    onValueModified: dialog.change("count", value)
                }
                Label { text: qsTr("occurrences"); color: Theme.text }
            }
            RadioButton {
                objectName: "endUntil"
                text: qsTr("Ends on")
                checked: dialog.picker.end === "until"
                onClicked: dialog.change("end", "until")
            }
            DateField {
                enabled: dialog.picker.end === "until"
                optional: false
                text: dialog.picker.until || ""
                onEdited: t => dialog.change("until", t)
            }
        }

        Label {
            objectName: "recurrencePreview"
            Layout.fillWidth: true
            text: dialog.repeats && dialog.rule === "" ? dialog.controller.lastError()
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
                    if (dialog.controller.setRecurrence(dialog.taskId, dialog.repeats ? dialog.picker : {}))
                        dialog.close()
                }
            }
        }
    }
}
