import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Asks before something that cannot be undone. Cancel has the focus, so
// Enter never destroys by accident.
ShellDialog {
    id: dialog

    property string message
    property string confirmText: qsTr("Delete")

    signal confirmed

    width: 440
    onOpened: cancelButton.forceActiveFocus()

    contentItem: Label {
        text: dialog.message
        wrapMode: Text.WordWrap
        color: Theme.text
    }

    footer: DialogButtonBox {
        Button {
            id: cancelButton
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "confirmButton"
            text: dialog.confirmText
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
            onClicked: {
                dialog.close()
                dialog.confirmed()
            }
        }
        onRejected: dialog.close()
    }
}
