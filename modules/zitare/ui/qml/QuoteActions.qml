import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaZitare
import ManaControls

// The buttons beside a quote: the heart, Copy and Add to list (and, in a
// list, Remove). The card of the day and every row use them.
RowLayout {
    id: actions

    required property ZitareController controller
    property quoteEntry quote
    property color accentColor
    // The list the quote is shown in; "" elsewhere.
    property string listId: ""
    property string namePrefix: ""

    signal addToListRequested(Item button)

    spacing: 2

    ToolButton {
        id: heart
        objectName: actions.namePrefix + "favoriteButton"
        text: actions.quote.favorite ? "♥" : "♡"
        font.pixelSize: 20
        focusPolicy: Qt.NoFocus
        implicitWidth: 36
        contentItem: Label {
            text: heart.text
            font: heart.font
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            color: actions.quote.favorite ? "#e0245e" : Theme.mutedText
        }
        Accessible.name: actions.quote.favorite ? qsTr("Remove from favourites") : qsTr("Add to favourites")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: (actions.quote.favorite ? qsTr("Remove from favourites") : qsTr("Add to favourites")) + " (F)"
        onClicked: actions.controller.toggleFavorite(actions.quote.id)
    }
    ToolButton {
        objectName: actions.namePrefix + "copyButton"
        text: qsTr("Copy")
        focusPolicy: Qt.NoFocus
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Copy the quote with its author and source (Ctrl+C)")
        onClicked: actions.controller.copyQuote(actions.quote.id)
    }
    ToolButton {
        id: addButton
        objectName: actions.namePrefix + "addToListButton"
        text: qsTr("Add to list") + " ▾"
        focusPolicy: Qt.NoFocus
        onClicked: actions.addToListRequested(addButton)
    }
    ToolButton {
        objectName: actions.namePrefix + "removeFromListButton"
        visible: actions.listId !== ""
        text: "✕"
        implicitWidth: 32
        focusPolicy: Qt.NoFocus
        Accessible.name: qsTr("Remove from list")
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: qsTr("Remove from list")
        onClicked: actions.controller.removeFromList(actions.listId, actions.quote.id)
    }
}
