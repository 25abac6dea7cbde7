import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaZitare
import ManaControls

// The quote of the day, big, at the top of the page: the same quote on
// every device for a date (ZitareController.quoteOfTheDay).
Rectangle {
    id: card

    required property ZitareController controller
    property color accentColor
    readonly property quoteEntry quote: controller.quoteOfTheDay

    signal addToListRequested(Item button)

    implicitHeight: column.implicitHeight + 40
    radius: 12
    color: Theme.surface
    border.width: 1
    border.color: Theme.border

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: 1
        width: 5
        radius: 2
        color: card.accentColor
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 20
        anchors.leftMargin: 28
        spacing: 10

        Label {
            objectName: "dayTitle"
            Layout.fillWidth: true
            text: qsTr("Quote of the day") + " · " + card.controller.todayText
            color: card.accentColor
            font.pixelSize: 12
            font.bold: true
            font.capitalization: Font.AllUppercase
            elide: Text.ElideRight
        }
        Text {
            objectName: "dayText"
            Layout.fillWidth: true
            text: card.quote.text
            color: Theme.text
            font.family: "serif"
            // Long prose (Kant, Lincoln) smaller, so the list keeps its room.
            font.pixelSize: card.quote.text.length > 160 ? 19 : 24
            lineHeight: 1.15
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "dayAttribution"
                Layout.fillWidth: true
                text: "— " + card.quote.attribution
                color: Theme.mutedText
                font.pixelSize: 14
                wrapMode: Text.WordWrap
            }
            QuoteActions {
                controller: card.controller
                quote: card.quote
                accentColor: card.accentColor
                namePrefix: "day_"
                onAddToListRequested: button => card.addToListRequested(button)
            }
        }
    }
}
