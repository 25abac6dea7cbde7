import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// A new space or a space's new name and prefix (the start of its
// documents' short ids, "CTX" gives CTX-1, CTX-2, …).
ShellDialog {
    id: dialog

    property string editId: ""
    property alias name: nameField.text
    property alias prefix: prefixField.text
    property alias description: descriptionField.text
    // The prefix used when the field is left empty.
    property string suggestedPrefix: ""

    function openNew() {
        editId = ""; name = ""; prefix = ""; description = ""
        open()
    }
    function openEdit(id, spaceName, spacePrefix, spaceDescription) {
        editId = id; name = spaceName; prefix = spacePrefix; description = spaceDescription
        open()
    }

    title: editId === "" ? qsTr("New space") : qsTr("Edit space")
    width: 420
    onOpened: nameField.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: 8
        Label { text: qsTr("Name"); color: Theme.mutedText }
        TextField {
            id: nameField
            objectName: "spaceNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("For example: Project Apollo")
            onAccepted: if (text.trim() !== "") dialog.accept()
        }
        Label { text: qsTr("Prefix of short IDs"); color: Theme.mutedText; Layout.topMargin: 4 }
        TextField {
            id: prefixField
            objectName: "spacePrefixField"
            Layout.fillWidth: true
            maximumLength: 8
            placeholderText: dialog.suggestedPrefix
            onAccepted: if (nameField.text.trim() !== "") dialog.accept()
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 12
            color: Theme.mutedText
            text: qsTr("Documents in this space get IDs like %1-1, %1-2. Letters and digits, up to 8.")
                  .arg(prefixField.text.trim() !== "" ? prefixField.text.toUpperCase() : dialog.suggestedPrefix)
        }
        Label { text: qsTr("Description"); color: Theme.mutedText; Layout.topMargin: 4 }
        TextField {
            id: descriptionField
            Layout.fillWidth: true
            placeholderText: qsTr("Optional")
        }
    }
    footer: DialogButtonBox {
        background: Item {}
        Button {
            text: qsTr("Save")
            highlighted: true
            enabled: nameField.text.trim() !== ""
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
