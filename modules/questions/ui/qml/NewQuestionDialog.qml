import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Ctrl+N: a question in the collection and status the page shows (Open
// when it shows all). Enter creates it and opens it.
ShellDialog {
    id: dialog

    required property var page
    property string collectionId: ""
    property string status: "open"
    readonly property alias titleField: titleField

    width: 520
    title: qsTr("New question")

    function openWith(collection, state) {
        collectionId = collection
        status = state
        titleField.text = ""
        page.controller.clearError()
        open()
        titleField.forceActiveFocus()
    }
    function create() {
        const id = page.controller.createQuestion(titleField.text, collectionId, status, "normal")
        if (id === "")
            return
        close()
        page.openQuestion(id)
    }

    contentItem: ColumnLayout {
        spacing: 10
        TextField {
            id: titleField
            objectName: "newQuestionTitle"
            Layout.fillWidth: true
            placeholderText: qsTr("What do you want to find out?")
            color: Theme.text
            onAccepted: dialog.create()
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: (dialog.collectionId !== ""
                   ? qsTr("In %1, status %2.").arg(dialog.page.controller.collectionName(dialog.collectionId))
                   : qsTr("In no collection, status %1.")).arg(dialog.page.statusText(dialog.status))
        }
        Label {
            visible: dialog.opened && dialog.page.controller.lastError !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.errorText
            text: dialog.page.controller.lastError
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            CompactButton {
                text: qsTr("Cancel")
                flat: true
                onClicked: dialog.close()
            }
            CompactButton {
                objectName: "createQuestionButton"
                text: qsTr("Create")
                highlighted: true
                enabled: titleField.text.trim() !== ""
                onClicked: dialog.create()
            }
        }
    }
}
