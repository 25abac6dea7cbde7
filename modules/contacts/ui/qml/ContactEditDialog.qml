import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaContacts
import ManaControls

// The contact form (docs/contacts.md, "The form"; GNOME Contacts' editor):
// names, company and job; every email, phone and address as a row with
// its kind and a × to remove it, "Add …" for another; the birthday; tags
// as chips (Enter adds one); notes. Save writes through ContactEditor (one
// insert or one update); bad input keeps the dialog open with its sentence.
ShellDialog {
    id: dialog

    required property ContactEditor editor
    // The card's words for a kind ("cell" → "Mobile").
    property var kindText: kind => kind

    signal saved(string id)

    title: editor.contactId === "" ? qsTr("New contact") : qsTr("Edit contact")
    width: Math.min(640, parent ? parent.width - 48 : 640)
    height: Math.min(720, parent ? parent.height - 48 : 720)
    standardButtons: Dialog.NoButton

    function openNew() {
        editor.startNew()
        open()
        firstNameField.forceActiveFocus()
    }
    function openEdit(id) {
        if (!editor.load(id))
            return false
        open()
        firstNameField.forceActiveFocus()
        return true
    }
    function save() {
        // A tag typed but not yet entered is meant too.
        if (tagField.text.trim() !== "" && editor.addTag(tagField.text))
            tagField.text = ""
        if (!editor.save())
            return false
        dialog.saved(editor.contactId)
        dialog.accept()
        return true
    }

    component FieldFrame: Rectangle {
        property bool focused: false
        color: Theme.surface
        border.color: focused ? Theme.accent : Theme.border
        border.width: focused ? 2 : 1
    }

    // Ctrl+Enter saves from any field (Enter alone adds a tag or a line).
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: dialog.visible
        onActivated: dialog.save()
    }

    // One of emails, phones, addresses: a row per value.
    component RowsSection: ColumnLayout {
        id: section
        property int field: ContactEditor.Emails
        property string heading: ""
        property string addText: ""
        property var rows: []
        property bool multiLine: false
        Layout.fillWidth: true
        spacing: 6
        Label {
            Layout.topMargin: 8
            text: section.heading
            font.bold: true
            color: Theme.text
        }
        Repeater {
            id: rowRepeater
            model: section.rows
            RowLayout {
                id: valueRow
                required property var modelData
                required property int index
                readonly property var kinds: dialog.editor.kindsFor(section.field, modelData.kind)
                Layout.fillWidth: true
                spacing: 6
                ComboBox {
                    objectName: "kind" + section.field + "_" + valueRow.index
                    Layout.preferredWidth: 180 // "Ohne Bezeichnung" whole
                    Layout.alignment: Qt.AlignTop
                    model: valueRow.kinds.map(kind => kind === "" ? qsTr("No label") : dialog.kindText(kind))
                    currentIndex: valueRow.kinds.indexOf(valueRow.modelData.kind)
                    onActivated: index => dialog.editor.setRowKind(section.field, valueRow.index, valueRow.kinds[index])
                }
                Loader {
                    Layout.fillWidth: true
                    sourceComponent: section.multiLine ? areaComponent : lineComponent
                    Component {
                        id: lineComponent
                        TextField {
                            objectName: "value" + section.field + "_" + valueRow.index
                            text: valueRow.modelData.value
                            placeholderText: section.field === ContactEditor.Emails ? qsTr("name@example.com")
                                                                                     : qsTr("+49 30 1234567")
                            onTextEdited: dialog.editor.setRowValue(section.field, valueRow.index, text)
                        }
                    }
                    Component {
                        id: areaComponent
                        TextArea {
                            objectName: "value" + section.field + "_" + valueRow.index
                            text: valueRow.modelData.value
                            placeholderText: qsTr("Street, postal code and city, country (one per line)")
                            wrapMode: TextEdit.Wrap
                            topPadding: 10
                            bottomPadding: 10
                            // The style's TextArea has no frame; one like the fields'.
                            background: FieldFrame { focused: parent.activeFocus }
                            onTextChanged: dialog.editor.setRowValue(section.field, valueRow.index, text)
                        }
                    }
                }
                ToolButton {
                    objectName: "remove" + section.field + "_" + valueRow.index
                    Layout.alignment: Qt.AlignTop
                    text: "\u2715"
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove")
                    onClicked: dialog.editor.removeRow(section.field, valueRow.index)
                }
            }
        }
        Button {
            objectName: "add" + section.field
            text: section.addText
            flat: true
            onClicked: dialog.editor.addRow(section.field)
        }
    }

    contentItem: ColumnLayout {
        spacing: 8
        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: scroll.availableWidth - 12
                spacing: 6
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 10
                    rowSpacing: 6
                    TextField {
                        id: firstNameField
                        objectName: "firstName"
                        Layout.fillWidth: true
                        placeholderText: qsTr("First name")
                        text: dialog.editor.firstName
                        onTextEdited: dialog.editor.firstName = text
                    }
                    TextField {
                        objectName: "lastName"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Last name")
                        text: dialog.editor.lastName
                        onTextEdited: dialog.editor.lastName = text
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Company")
                        text: dialog.editor.company
                        onTextEdited: dialog.editor.company = text
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Job title")
                        text: dialog.editor.jobTitle
                        onTextEdited: dialog.editor.jobTitle = text
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Name prefix")
                        text: dialog.editor.prefix
                        onTextEdited: dialog.editor.prefix = text
                    }
                    TextField {
                        Layout.fillWidth: true
                        placeholderText: qsTr("Name suffix")
                        text: dialog.editor.suffix
                        onTextEdited: dialog.editor.suffix = text
                    }
                }
                RowsSection {
                    field: ContactEditor.Emails
                    heading: qsTr("Email")
                    addText: qsTr("+ Add email")
                    rows: dialog.editor.emails
                }
                RowsSection {
                    field: ContactEditor.Phones
                    heading: qsTr("Phone")
                    addText: qsTr("+ Add phone")
                    rows: dialog.editor.phones
                }
                RowsSection {
                    field: ContactEditor.Addresses
                    heading: qsTr("Address")
                    addText: qsTr("+ Add address")
                    rows: dialog.editor.addresses
                    multiLine: true
                }
                Label {
                    Layout.topMargin: 8
                    text: qsTr("Birthday")
                    font.bold: true
                    color: Theme.text
                }
                TextField {
                    objectName: "birthday"
                    Layout.preferredWidth: 260
                    placeholderText: qsTr("1985-04-12, or --04-12 without a year")
                    text: dialog.editor.birthday
                    onTextEdited: dialog.editor.birthday = text
                }
                Label {
                    Layout.topMargin: 8
                    text: qsTr("Tags")
                    font.bold: true
                    color: Theme.text
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: dialog.editor.tags
                        Rectangle {
                            id: chip
                            required property string modelData
                            required property int index
                            objectName: "tag_" + modelData
                            height: 28
                            width: chipLabel.implicitWidth + removeTag.width + 14
                            radius: height / 2
                            color: Theme.selection
                            Label {
                                id: chipLabel
                                anchors.left: parent.left
                                anchors.leftMargin: 10
                                anchors.verticalCenter: parent.verticalCenter
                                text: chip.modelData
                                color: Theme.text
                            }
                            ToolButton {
                                id: removeTag
                                anchors.right: parent.right
                                anchors.verticalCenter: parent.verticalCenter
                                width: 26
                                height: 26
                                text: "\u2715"
                                font.pixelSize: 10
                                flat: true
                                Accessible.name: qsTr("Remove tag %1").arg(chip.modelData)
                                onClicked: dialog.editor.removeTag(chip.index)
                            }
                        }
                    }
                    TextField {
                        id: tagField
                        objectName: "tagField"
                        width: 180
                        height: 28
                        placeholderText: qsTr("Add a tag (Enter)")
                        onAccepted: {
                            if (dialog.editor.addTag(text))
                                text = ""
                        }
                    }
                }
                Label {
                    Layout.topMargin: 8
                    text: qsTr("Notes")
                    font.bold: true
                    color: Theme.text
                }
                TextArea {
                    objectName: "notes"
                    Layout.fillWidth: true
                    Layout.minimumHeight: 70
                    wrapMode: TextEdit.Wrap
                    background: FieldFrame { focused: parent.activeFocus }
                    text: dialog.editor.notes
                    onTextChanged: if (text !== dialog.editor.notes) dialog.editor.notes = text
                }
            }
        }
        Label {
            objectName: "editError"
            Layout.fillWidth: true
            visible: dialog.editor.error !== ""
            text: dialog.editor.error
            color: Theme.errorText
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            Button {
                objectName: "saveContact"
                highlighted: true
                text: qsTr("Save")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+Enter")
                onClicked: dialog.save()
            }
        }
    }
}
