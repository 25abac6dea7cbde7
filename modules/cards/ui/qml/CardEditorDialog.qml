import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaCards
import ManaControls

// A card's front and back as Markdown, each with its preview (Qt's
// Text.MarkdownText). Ctrl+Return saves.
ShellDialog {
    id: dialog

    required property CardsController controller
    property string cardId: ""
    property string deckId: ""
    readonly property alias frontField: frontField
    readonly property alias backField: backField

    width: 640
    title: cardId === "" ? qsTr("New card") : qsTr("Edit card")

    function openCard(id, deck, front, back) {
        cardId = id
        deckId = deck
        frontField.text = front
        backField.text = back
        open()
        frontField.forceActiveFocus()
    }
    function save() {
        if (frontField.text.trim() === "")
            return
        if (controller.saveCard(cardId, deckId, frontField.text, backField.text) !== "")
            close()
    }

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: dialog.opened
        onActivated: dialog.save()
    }

    contentItem: GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 6

        Label { text: qsTr("Front (Markdown)"); color: Theme.mutedText }
        Label { text: qsTr("Preview"); color: Theme.mutedText }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: 110
            TextArea {
                id: frontField
                objectName: "cardFrontField"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Question")
                color: Theme.text
            }
        }
        Text {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.preferredHeight: 110
            text: frontField.text
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
            color: Theme.text
            clip: true
        }
        Label { text: qsTr("Back (Markdown)"); color: Theme.mutedText }
        Item { width: 1; height: 1 }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 140
            TextArea {
                id: backField
                objectName: "cardBackField"
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Answer")
                color: Theme.text
            }
        }
        Text {
            Layout.fillWidth: true
            Layout.preferredHeight: 140
            text: backField.text
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
            color: Theme.text
            clip: true
        }
    }

    footer: DialogButtonBox {
        background: null
        Button {
            text: qsTr("Save")
            enabled: frontField.text.trim() !== ""
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
