import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// One event: title, calendar, all day or from–to, repetition, reminder,
// place and notes. New events are made at once; a change to an occurrence
// of a series asks for its scope (ScopeDialog) before it is saved.
ShellDialog {
    id: dialog

    property var controller
    property color accentColor
    property string eventId: ""
    property string recurrenceId: ""
    property bool recurring: false
    property var reminders: []
    property string rule: ""

    // The draft it saves (an eventDraft from the controller): the fields
    // it shows are written into it.
    signal saveRequested(string eventId, string recurrenceId, var draft)
    signal deleteRequested(string eventId, string recurrenceId, string title)

    // The draft as the dialog shows it; all-day events keep 09:00–10:00 for
    // the time fields, in case the box is unticked.
    function show(draft) {
        eventId = draft.eventId
        recurrenceId = draft.recurrenceId
        recurring = draft.recurring
        titleField.text = draft.title
        allDayBox.checked = draft.allDay
        startDate.text = draft.start.substring(0, 10)
        endDate.text = draft.end.substring(0, 10)
        startTime.text = draft.allDay ? "09:00" : draft.start.substring(11, 16)
        endTime.text = draft.allDay ? "10:00" : draft.end.substring(11, 16)
        locationField.text = draft.location
        notesField.text = draft.description
        rule = draft.recurrenceRule
        reminders = Array.from(draft.reminders)
        calendarBox.currentIndex = Math.max(0, calendarBox.indexOfValue(draft.calendarId))
        refreshChoices()
        open()
    }
    function openNew(day, startMinute, endMinute, allDay) {
        show(controller.newDraft(day, startMinute, endMinute, allDay))
    }
    function openExisting(id, occurrence) {
        const draft = controller.draftOf(id, occurrence)
        if (draft.eventId !== "")
            show(draft)
    }
    function refreshChoices() {
        repeatBox.model = controller.repeatChoices(startDate.text, rule)
        repeatBox.currentIndex = Math.max(0, repeatBox.indexOfValue(rule))
        reminderBox.model = controller.reminderChoices()
        reminderBox.currentIndex = Math.max(0, reminderBox.indexOfValue(reminders.length > 0 ? reminders[0] : -1))
    }
    // What the fields say, as a draft (Qt 6.4 makes value types in C++
    // only, so the controller gives an empty one to fill).
    function draft() {
        let edited = controller.newDraft(startDate.text, 0, 0, allDayBox.checked)
        edited.eventId = eventId
        edited.recurrenceId = recurrenceId
        edited.recurring = recurring
        edited.title = titleField.text
        edited.calendarId = calendarBox.currentValue || ""
        edited.start = allDayBox.checked ? startDate.text : startDate.text + "T" + startTime.text
        edited.end = allDayBox.checked ? endDate.text : endDate.text + "T" + endTime.text
        edited.location = locationField.text
        edited.description = notesField.text
        edited.recurrenceRule = repeatBox.currentValue || ""
        // The first reminder is the one the dialog shows; further ones
        // (imported) are kept. A list is set whole.
        const reminder = reminderBox.currentValue
        const kept = reminders.slice(1)
        edited.reminders = reminder >= 0 ? [reminder].concat(kept) : kept
        return edited
    }
    function save() {
        dialog.close()
        dialog.saveRequested(eventId, recurrenceId, draft())
    }

    title: eventId === "" ? qsTr("New event") : qsTr("Event")
    width: Math.min(520, parent ? parent.width - 40 : 520)
    onOpened: titleField.forceActiveFocus()

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 12
        rowSpacing: 8

        TextField {
            id: titleField
            objectName: "eventTitleField"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            placeholderText: qsTr("Title")
            font.pixelSize: 16
            onAccepted: dialog.save()
        }
        Label { text: qsTr("Calendar"); color: Theme.mutedText }
        ComboBox {
            id: calendarBox
            objectName: "eventCalendarBox"
            Layout.fillWidth: true
            model: dialog.controller ? dialog.controller.calendars : null
            textRole: "name"
            valueRole: "calendarId"
        }
        Label { text: qsTr("All day"); color: Theme.mutedText }
        CheckBox {
            id: allDayBox
            objectName: "eventAllDayBox"
        }
        Label { text: qsTr("Starts"); color: Theme.mutedText }
        RowLayout {
            DateField {
                id: startDate
                objectName: "eventStartDate"
                Layout.fillWidth: true
                optional: false
                onEdited: text => {
                    startDate.text = text
                    if (endDate.text < text)
                        endDate.text = text
                    dialog.refreshChoices()
                }
            }
            TextField {
                id: startTime
                objectName: "eventStartTime"
                visible: !allDayBox.checked
                Layout.preferredWidth: 70
                inputMask: "99:99"
                Accessible.name: qsTr("Start time")
            }
        }
        Label { text: qsTr("Ends"); color: Theme.mutedText }
        RowLayout {
            DateField {
                id: endDate
                objectName: "eventEndDate"
                Layout.fillWidth: true
                optional: false
                onEdited: text => endDate.text = text
            }
            TextField {
                id: endTime
                objectName: "eventEndTime"
                visible: !allDayBox.checked
                Layout.preferredWidth: 70
                inputMask: "99:99"
                Accessible.name: qsTr("End time")
            }
        }
        Label { text: qsTr("Repeat"); color: Theme.mutedText }
        ComboBox {
            id: repeatBox
            objectName: "eventRepeatBox"
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "rule"
        }
        Label { text: qsTr("Reminder"); color: Theme.mutedText }
        ComboBox {
            id: reminderBox
            objectName: "eventReminderBox"
            Layout.fillWidth: true
            textRole: "text"
            valueRole: "minutes"
        }
        Label { text: qsTr("Place"); color: Theme.mutedText }
        TextField {
            id: locationField
            objectName: "eventLocationField"
            Layout.fillWidth: true
        }
        Label { text: qsTr("Notes"); color: Theme.mutedText; Layout.alignment: Qt.AlignTop }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 80
            TextArea {
                id: notesField
                objectName: "eventNotesField"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Notes, a link, an agenda …")
                background: Rectangle {
                    color: Theme.surface
                    border.width: notesField.activeFocus ? 2 : 1
                    border.color: notesField.activeFocus ? dialog.accentColor : Theme.border
                    radius: 2
                }
            }
        }
    }
    footer: DialogButtonBox {
        background: Item {}
        Button {
            objectName: "eventSaveButton"
            text: qsTr("Save")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "eventDeleteButton"
            visible: dialog.eventId !== ""
            text: qsTr("Delete")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: {
                dialog.close()
                dialog.deleteRequested(dialog.eventId, dialog.recurrenceId, titleField.text)
            }
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onAccepted: dialog.save()
        onRejected: dialog.close()
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: dialog.visible
        onActivated: dialog.save()
    }
}
