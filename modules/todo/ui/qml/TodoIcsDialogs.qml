import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaTodo
import ManaControls

// Import and export of iCalendar files (.ics) of tasks: where the tasks go
// (or which to write), then the file. The result line (or the line of the
// file that is wrong) shows under the side bar's buttons; an import is one
// Undo step in the shell's Undo bar.
Item {
    id: dialogs

    required property TodoController controller

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
        objectName: "todoIcsChooser"
        property bool exporting: false
        title: exporting ? qsTr("Export tasks") : qsTr("Import tasks from an .ics file")
        width: 440
        contentItem: ColumnLayout {
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.text
                text: chooser.exporting
                      ? qsTr("Which tasks? They are written with their subtasks, labels, repetition and reminders to an iCalendar file that Thunderbird, Apple Reminders and Nextcloud Tasks read.")
                      : qsTr("Where do the tasks go? Tasks that were imported before are updated, not doubled.")
            }
            ComboBox {
                id: targetChoice
                objectName: "todoIcsTarget"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "id"
                Accessible.name: chooser.exporting ? qsTr("Tasks to export") : qsTr("Import into")
                model: {
                    const list = chooser.exporting
                               ? [{ text: qsTr("All tasks"), id: "" }]
                               : [{ text: qsTr("The projects the file names"), id: "" },
                                  { text: qsTr("Inbox"), id: "inbox" }]
                    const projects = dialogs.controller.projects
                    for (let i = 0; i < projects.length; ++i) {
                        if (!projects[i].isArchived)
                            list.push({ text: projects[i].name, id: projects[i].id })
                    }
                    return list
                }
            }
        }
        footer: DialogButtonBox {
            background: Item {}
            Button {
                objectName: "todoIcsChooseFile"
                text: chooser.exporting ? qsTr("Export…") : qsTr("Choose file…")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onOpened: targetChoice.forceActiveFocus()
        onAccepted: {
            if (exporting) {
                saveDialog.projectId = targetChoice.currentValue
                saveDialog.open()
            } else {
                openDialog.target = targetChoice.currentValue
                openDialog.open()
            }
        }
    }
    FileDialog {
        id: openDialog
        property string target: ""
        title: qsTr("Import tasks from an .ics file")
        nameFilters: [qsTr("iCalendar files (*.ics *.ical)"), qsTr("All files (*)")]
        onAccepted: {
            if (target === "")
                dialogs.controller.importFile(selectedFile, IcsImportInto.FileProjects, "")
            else if (target === "inbox")
                dialogs.controller.importFile(selectedFile, IcsImportInto.Inbox, "")
            else
                dialogs.controller.importFile(selectedFile, IcsImportInto.Project, target)
        }
    }
    FileDialog {
        id: saveDialog
        property string projectId: ""
        title: qsTr("Export tasks")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ics"
        nameFilters: [qsTr("iCalendar files (*.ics)")]
        onAccepted: dialogs.controller.exportFile(selectedFile, projectId)
    }
}
