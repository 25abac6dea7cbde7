import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaZitare
import ManaControls

// One quote in the list: its text, who wrote it where, and its buttons. A
// favourite or list entry whose quote is not in the collection says so and
// can be removed.
ItemDelegate {
    id: row

    required property quoteEntry quote
    required property int index
    required property ZitareController controller
    property string listId: ""
    property color accentColor
    readonly property bool current: ListView.isCurrentItem

    signal addToListRequested(Item button)
    signal picked(int index)

    objectName: "quoteRow_" + quote.id
    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 0
    focusPolicy: Qt.NoFocus
    background: Rectangle {
        color: row.current && row.ListView.view.activeFocus ? Theme.selection
               : row.current ? Theme.hover : row.hovered ? Theme.hover : "transparent"
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: 1
            color: Theme.border
            opacity: 0.6
        }
    }
    onClicked: row.picked(row.index)

    contentItem: RowLayout {
        spacing: 12
        ColumnLayout {
            Layout.fillWidth: true
            Layout.topMargin: 12
            Layout.bottomMargin: 12
            Layout.leftMargin: 20
            spacing: 4
            Text {
                objectName: "rowText"
                Layout.fillWidth: true
                visible: !row.quote.missing
                text: row.quote.text
                color: Theme.text
                font.pixelSize: 15
                wrapMode: Text.WordWrap
                textFormat: Text.PlainText
            }
            Label {
                Layout.fillWidth: true
                visible: !row.quote.missing
                text: "— " + row.quote.attribution
                color: Theme.mutedText
                font.pixelSize: 13
                wrapMode: Text.WordWrap
            }
            Label {
                objectName: "missingText"
                Layout.fillWidth: true
                visible: row.quote.missing
                text: qsTr("This quote is no longer in Zitare's collection (%1). Remove it here if you no longer need it.").arg(row.quote.id)
                color: Theme.mutedText
                font.italic: true
                wrapMode: Text.WordWrap
            }
        }
        QuoteActions {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 6
            Layout.rightMargin: 12
            visible: !row.quote.missing
            controller: row.controller
            quote: row.quote
            listId: row.listId
            accentColor: row.accentColor
            onAddToListRequested: button => row.addToListRequested(button)
        }
        Button {
            objectName: "removeMissingButton"
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 8
            Layout.rightMargin: 12
            visible: row.quote.missing
            text: row.listId !== "" ? qsTr("Remove from list") : qsTr("Remove from favourites")
            onClicked: row.listId !== "" ? row.controller.removeFromList(row.listId, row.quote.id)
                                         : row.controller.setFavorite(row.quote.id, false)
        }
    }
}
