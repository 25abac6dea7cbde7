import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaCalendar
import ManaControls

// Changing or deleting an occurrence of a repeating event asks which
// occurrences it means, as GNOME Calendar and Google Calendar do: this
// event, this and the following events, or all events. A single event is
// changed at once.
ShellDialog {
    id: dialog

    property var controller
    // "move", "edit" or "delete", and what it carries: a move its local
    // {start, end}, an edit the dialog's eventDraft.
    property string action: ""
    property string eventId: ""
    property string recurrenceId: ""
    property var data: ({})

    function ask(action, eventId, recurrenceId, data) {
        dialog.action = action
        dialog.eventId = eventId
        dialog.recurrenceId = recurrenceId
        dialog.data = data
        if (!controller.isRecurring(eventId)) {
            perform(CalendarController.AllEvents)
            return
        }
        open()
    }
    // `scope`: a CalendarController.EditScope.
    function perform(scope) {
        close()
        if (action === "move")
            controller.moveOccurrence(eventId, recurrenceId, data.start, data.end, scope)
        else if (action === "edit")
            controller.updateOccurrence(eventId, recurrenceId, data, scope)
        else if (action === "delete")
            controller.deleteOccurrence(eventId, recurrenceId, scope)
    }

    title: action === "delete" ? qsTr("Delete a repeating event") : qsTr("Change a repeating event")
    width: 420
    onOpened: thisButton.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: dialog.action === "delete" ? qsTr("Which events do you want to delete?")
                                            : qsTr("Which events do you want to change?")
            wrapMode: Text.WordWrap
            color: Theme.text
        }
        Button {
            id: thisButton
            objectName: "scopeThis"
            Layout.fillWidth: true
            text: qsTr("This event")
            onClicked: dialog.perform(CalendarController.ThisEvent)
        }
        Button {
            objectName: "scopeFollowing"
            Layout.fillWidth: true
            text: qsTr("This and the following events")
            onClicked: dialog.perform(CalendarController.ThisAndFollowing)
        }
        Button {
            objectName: "scopeAll"
            Layout.fillWidth: true
            text: qsTr("All events")
            onClicked: dialog.perform(CalendarController.AllEvents)
        }
    }
    footer: DialogButtonBox {
        background: Item {}
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onRejected: dialog.close()
    }
}
