import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaZitare
import ManaControls

// A new list, or a list's new name and description. A new list made from
// "Add to list" takes that quote at once.
ShellDialog {
    id: dialog

    required property ZitareController controller
    property string listId: ""     // "" for a new list
    property string pendingQuoteId: ""

    signal created(string listId)

    function openNew(quoteId) {
        listId = ""
        pendingQuoteId = quoteId || ""
        nameField.text = ""
        descriptionField.text = ""
        open()
        nameField.forceActiveFocus()
    }
    function openRename(id) {
        const list = controller.list(id)
        if (list.id === "")
            return
        listId = id
        pendingQuoteId = ""
        nameField.text = list.name
        descriptionField.text = list.description
        open()
        nameField.forceActiveFocus()
        nameField.selectAll()
    }
    function save() {
        if (nameField.text.trim() === "")
            return
        if (listId !== "") {
            if (controller.renameList(listId, nameField.text, descriptionField.text))
                close()
            return
        }
        const id = controller.createList(nameField.text, descriptionField.text)
        if (id === "")
            return
        if (pendingQuoteId !== "")
            controller.addToList(id, pendingQuoteId)
        close()
        created(id)
    }

    title: listId === "" ? qsTr("New list") : qsTr("Rename list")
    width: 420

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            text: qsTr("Name")
            color: Theme.text
        }
        TextField {
            id: nameField
            objectName: "listNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("For example: Courage, Goethe, Wedding speech")
            onAccepted: dialog.save()
        }
        Label {
            text: qsTr("Description (optional)")
            color: Theme.text
        }
        TextField {
            id: descriptionField
            objectName: "listDescriptionField"
            Layout.fillWidth: true
            onAccepted: dialog.save()
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.controller.lastError !== ""
            text: dialog.controller.lastError
            color: Theme.errorText
            wrapMode: Text.WordWrap
        }
    }

    footer: DialogButtonBox {
        background: Item {}
        padding: 16
        Button {
            objectName: "listSaveButton"
            text: dialog.listId === "" ? qsTr("Create") : qsTr("Save")
            highlighted: true
            enabled: nameField.text.trim() !== ""
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onAccepted: dialog.save()
        onRejected: dialog.close()
    }
}
