import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A name and a colour: new and renamed projects and labels (Todo),
// calendars (Calendar).
ShellDialog {
    id: dialog

    property string newTitle
    property string editTitle
    property string editId: ""
    property alias name: nameField.text
    property string color: ""
    readonly property var palette: ["#8B5CF6", "#3B82F6", "#10B981", "#F59E0B", "#EF4444", "#EC4899", "#6B7280"]

    function openNew() {
        editId = ""; name = ""; color = palette[0]
        open()
    }
    function openEdit(record) {
        editId = record.id; name = record.name; color = record.color || ""
        open()
    }

    title: editId === "" ? newTitle : editTitle
    width: 380
    onOpened: nameField.forceActiveFocus()

    contentItem: ColumnLayout {
        spacing: 12
        TextField {
            id: nameField
            objectName: "nameField"
            Layout.fillWidth: true
            placeholderText: qsTr("Name")
            onAccepted: if (text.trim() !== "") { dialog.accept() }
        }
        RowLayout {
            spacing: 8
            Repeater {
                model: dialog.palette
                AbstractButton {
                    required property string modelData
                    implicitWidth: 26
                    implicitHeight: 26
                    Accessible.name: modelData
                    onClicked: dialog.color = modelData
                    background: Rectangle {
                        radius: 13
                        color: parent.modelData
                        border.width: dialog.color === parent.modelData ? 3 : 0
                        border.color: Theme.text
                    }
                }
            }
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
