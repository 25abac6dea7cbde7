import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore

// The generic "new record": a title in the module's first collection. The
// apps' own forms replace it in the next step.
ShellDialog {
    id: dialog

    property ShellContext shell
    property string appId
    property string collectionName
    property string collectionTitle
    property string errorText

    signal created

    function submit() {
        errorText = dialog.shell ? dialog.shell.createRecord(appId, collectionName, titleField.text)
                                 : qsTr("No profile is open, so nothing can be saved.")
        if (errorText === "") {
            created()
            close()
        }
    }

    title: qsTr("New in “%1”").arg(collectionTitle)
    width: 420
    onOpened: {
        titleField.text = ""
        errorText = ""
        titleField.forceActiveFocus()
    }

    contentItem: ColumnLayout {
        spacing: 10
        TextField {
            id: titleField
            objectName: "titleField"
            Layout.fillWidth: true
            placeholderText: qsTr("Title")
            onAccepted: dialog.submit()
        }
        Label {
            objectName: "createError"
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            color: Theme.errorText
            wrapMode: Text.WordWrap
        }
    }

    // Plain buttons: a DialogButtonBox would close the dialog on accept even
    // when the record was refused.
    footer: Pane {
        background: Item {}
        padding: 20
        topPadding: 4
        RowLayout {
            anchors.right: parent.right
            spacing: 8
            Button {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            Button {
                objectName: "createButton"
                text: qsTr("Create")
                highlighted: true
                onClicked: dialog.submit()
            }
        }
    }
}
