import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaContacts
import ManaControls

// What a file holds before anything is written: the format, for a CSV
// each column's target with sample values (changeable), the number of
// contacts and the duplicates with a choice each (and one for all).
// Import writes one undo step; a malformed file shows its sentence and
// imports nothing. While the file is read and checked (on a worker
// thread) a busy indicator and Cancel show; the window stays responsive.
ShellDialog {
    id: dialog

    required property ContactsImporter importer

    title: qsTr("Import contacts")
    width: Math.min(720, parent ? parent.width - 48 : 720)
    height: Math.min(640, parent ? parent.height - 48 : 640)
    standardButtons: Dialog.NoButton

    // ContactField's values in order (contactscsv.h).
    readonly property var targetNames: [
        qsTr("Do not import"), qsTr("Full name"), qsTr("First name"), qsTr("Middle name"),
        qsTr("Last name"), qsTr("Name prefix"), qsTr("Name suffix"), qsTr("Company"),
        qsTr("Job title"), qsTr("Email"), qsTr("Email kind"), qsTr("Phone"), qsTr("Phone kind"),
        qsTr("Address"), qsTr("Address kind"), qsTr("Street"), qsTr("PO box"),
        qsTr("Extended address"), qsTr("City"), qsTr("Region"), qsTr("Postal code"),
        qsTr("Country"), qsTr("Birthday"), qsTr("Notes"), qsTr("Tags"), qsTr("Photo")
    ]
    readonly property var choiceNames: [qsTr("Skip"), qsTr("Add as new"), qsTr("Merge")]

    function formatText() {
        switch (importer.format) {
        case "vcard": return qsTr("vCard file")
        case "google": return qsTr("Google Contacts CSV")
        case "outlook": return qsTr("Outlook CSV")
        default: return qsTr("CSV file")
        }
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            text: dialog.importer.fileName + (dialog.importer.format !== "" ? " · " + dialog.formatText() : "")
            color: Theme.mutedText
            elide: Text.ElideMiddle
        }
        // An Item that fills (a RowLayout of fixed-height children would
        // not grow, and the column would centre everything instead).
        Item {
            objectName: "importBusy"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: dialog.importer.busy
            RowLayout {
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width)
                spacing: 12
                BusyIndicator {
                    running: dialog.importer.busy
                    Layout.preferredWidth: 40
                    Layout.preferredHeight: 40
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Reading the file and looking for duplicates…")
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }
        Label {
            objectName: "importError"
            Layout.fillWidth: true
            visible: dialog.importer.error !== ""
            text: dialog.importer.error
            color: Theme.errorText
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "importSummary"
            Layout.fillWidth: true
            visible: dialog.importer.ready
            text: (dialog.importer.contactCount === 1 ? qsTr("1 contact found")
                   : qsTr("%1 contacts found").arg(dialog.importer.contactCount))
                  + " · " + (dialog.importer.duplicateCount === 1 ? qsTr("1 duplicate")
                             : qsTr("%1 duplicates").arg(dialog.importer.duplicateCount))
            color: Theme.text
            font.bold: true
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !dialog.importer.busy && (dialog.importer.ready || dialog.importer.isCsv)
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: 6

                RowLayout {
                    Layout.fillWidth: true
                    visible: dialog.importer.duplicates.length > 0
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Duplicates")
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        text: qsTr("For all:")
                        color: Theme.mutedText
                    }
                    ComboBox {
                        objectName: "choiceForAll"
                        Layout.preferredWidth: 150
                        model: dialog.choiceNames
                        currentIndex: ContactsImporter.Merge
                        onActivated: index => dialog.importer.setAllChoices(index)
                    }
                }
                Repeater {
                    model: dialog.importer.duplicates
                    RowLayout {
                        id: duplicateRow
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 10
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                text: duplicateRow.modelData.name !== "" ? duplicateRow.modelData.name : qsTr("No name")
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: (duplicateRow.modelData.matchedBy === "email"
                                       ? (duplicateRow.modelData.inFile ? qsTr("Same email as %1 earlier in the file")
                                                                        : qsTr("Same email as %1 in your contacts"))
                                       : (duplicateRow.modelData.inFile ? qsTr("Same phone number as %1 earlier in the file")
                                                                        : qsTr("Same phone number as %1 in your contacts")))
                                      .arg(duplicateRow.modelData.existingName)
                                      + " (" + duplicateRow.modelData.matchedKey + ")"
                                color: Theme.mutedText
                                font.pixelSize: 12
                                elide: Text.ElideRight
                            }
                        }
                        ComboBox {
                            Layout.preferredWidth: 150
                            model: dialog.choiceNames
                            currentIndex: duplicateRow.modelData.choice
                            onActivated: index => dialog.importer.setChoice(duplicateRow.modelData.incoming, index)
                        }
                    }
                }
                Label {
                    objectName: "moreDuplicates"
                    Layout.fillWidth: true
                    visible: dialog.importer.duplicateCount > dialog.importer.duplicates.length
                    text: qsTr("%1 more duplicates follow the choice for all.")
                          .arg(dialog.importer.duplicateCount - dialog.importer.duplicates.length)
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.topMargin: dialog.importer.duplicates.length > 0 ? 12 : 0
                    visible: dialog.importer.isCsv
                    text: qsTr("Columns")
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    model: dialog.importer.isCsv ? dialog.importer.columns : []
                    RowLayout {
                        id: columnRow
                        required property var modelData
                        required property int index
                        Layout.fillWidth: true
                        spacing: 10
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                text: columnRow.modelData.header
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: columnRow.modelData.samples !== "" ? columnRow.modelData.samples : qsTr("(empty)")
                                color: Theme.mutedText
                                font.pixelSize: 12
                                elide: Text.ElideRight
                            }
                        }
                        Label {
                            text: "\u2192"
                            color: Theme.mutedText
                        }
                        ComboBox {
                            objectName: "columnTarget" + columnRow.index
                            Layout.preferredWidth: 200
                            model: dialog.targetNames
                            currentIndex: columnRow.modelData.target
                            onActivated: index => dialog.importer.setColumnTarget(columnRow.modelData.column, index)
                        }
                    }
                }

            }
        }

        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                objectName: "importCancel"
                text: dialog.importer.ready || dialog.importer.busy ? qsTr("Cancel") : qsTr("Close")
                // reject() clears the importer: a running check is dropped.
                onClicked: dialog.reject()
            }
            Button {
                objectName: "importButton"
                visible: dialog.importer.ready
                enabled: dialog.importer.contactCount > 0
                highlighted: true
                text: qsTr("Import")
                onClicked: dialog.accept()
            }
        }
    }
}
