import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaControls

// Import and export of iCalendar files (.ics): which calendar, then the
// file. An import goes into a calendar named after the file unless another
// is chosen; its result (or the line that is wrong) shows on the page.
Item {
    id: dialogs

    property var controller

    function openImport() {
        chooser.exporting = false
        chooser.open()
    }
    function openExport() {
        chooser.exporting = true
        chooser.open()
    }

    ShellDialog {
        id: chooser
        objectName: "icsChooser"
        property bool exporting: false
        title: exporting ? qsTr("Export a calendar") : qsTr("Import an .ics file")
        width: 420
        contentItem: ColumnLayout {
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.text
                text: chooser.exporting
                      ? qsTr("Which calendar? Its events, repetitions and reminders are written to an iCalendar file that Google Calendar, Thunderbird and Apple Calendar read.")
                      : qsTr("Into which calendar? Events that were imported before are updated, not doubled.")
            }
            ComboBox {
                id: calendarChoice
                objectName: "icsCalendarChoice"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "id"
                model: {
                    const list = chooser.exporting ? [] : [{ text: qsTr("A new calendar named after the file"), id: "" }]
                    const calendars = dialogs.controller.calendars
                    for (let i = 0; i < calendars.count; ++i) {
                        list.push({ text: calendars.nameAt(i), id: calendars.idAt(i) })
                    }
                    return list
                }
            }
        }
        footer: DialogButtonBox {
            background: Item {}
            Button {
                text: chooser.exporting ? qsTr("Export…") : qsTr("Choose file…")
                highlighted: true
                enabled: calendarChoice.count > 0
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: {
            if (exporting) {
                saveDialog.calendarId = calendarChoice.currentValue
                saveDialog.open()
            } else {
                openDialog.calendarId = calendarChoice.currentValue
                openDialog.open()
            }
        }
    }
    FileDialog {
        id: openDialog
        property string calendarId: ""
        title: qsTr("Import an .ics file")
        nameFilters: [qsTr("iCalendar files (*.ics *.ical *.ifb)"), qsTr("All files (*)")]
        onAccepted: dialogs.controller.importFile(selectedFile, calendarId)
    }
    FileDialog {
        id: saveDialog
        property string calendarId: ""
        title: qsTr("Export a calendar")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ics"
        nameFilters: [qsTr("iCalendar files (*.ics)")]
        onAccepted: dialogs.controller.exportFile(selectedFile, calendarId)
    }
}
