import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaZitare
import ManaControls

// Zitare's left column: all quotes and the favourites with their counts,
// the lists (with a way to add one), then every author with the number of
// their quotes.
Rectangle {
    id: nav

    required property ZitareController controller
    property int view: ZitareView.All
    property string author: ""
    property string listId: ""
    property color accentColor

    signal chosen(int view, string author, string listId)
    signal newListRequested

    color: Theme.sidebar

    component NavEntry: ItemDelegate {
        id: entry
        property int entryView: ZitareView.All
        property string refId: ""
        property int count: 0
        readonly property bool isChosen: nav.view === entryView
                                         && (entryView === ZitareView.Author ? nav.author === refId
                                             : entryView === ZitareView.List ? nav.listId === refId : true)
        Layout.fillWidth: true
        implicitHeight: 30
        leftPadding: 14
        rightPadding: 10
        focusPolicy: Qt.NoFocus
        background: Rectangle {
            radius: 6
            color: entry.isChosen ? Theme.selection : entry.hovered ? Theme.hover : "transparent"
        }
        contentItem: RowLayout {
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: entry.text
                color: Theme.text
                font.bold: entry.isChosen
                elide: Text.ElideRight
            }
            Label {
                text: Number(entry.count).toLocaleString(Qt.locale(), "f", 0)
                color: Theme.mutedText
                font.pixelSize: 12
            }
        }
        onClicked: nav.chosen(entryView, entryView === ZitareView.Author ? refId : "",
                              entryView === ZitareView.List ? refId : "")
    }
    component SectionHeader: RowLayout {
        property alias text: headerLabel.text
        property bool canAdd: false
        property string addName: ""
        signal addClicked
        Layout.fillWidth: true
        Layout.topMargin: 14
        Layout.leftMargin: 14
        Layout.minimumHeight: 26
        Label {
            id: headerLabel
            Layout.fillWidth: true
            color: Theme.mutedText
            font.pixelSize: 11
            font.bold: true
            font.capitalization: Font.AllUppercase
        }
        ToolButton {
            visible: parent.canAdd
            objectName: parent.addName
            text: "+"
            implicitHeight: 24
            implicitWidth: 28
            focusPolicy: Qt.NoFocus
            Accessible.name: qsTr("New list")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("New list (Ctrl+N)")
            onClicked: parent.addClicked()
        }
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 8
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 1

            NavEntry {
                objectName: "navAll"
                entryView: ZitareView.All
                text: qsTr("All quotes")
                count: nav.controller.quoteCount
            }
            NavEntry {
                objectName: "navFavorites"
                entryView: ZitareView.Favorites
                text: qsTr("Favourites")
                count: nav.controller.favoriteIds.length
            }

            SectionHeader {
                text: qsTr("Lists")
                canAdd: true
                addName: "navNewList"
                onAddClicked: nav.newListRequested()
            }
            Label {
                visible: nav.controller.lists.length === 0
                Layout.fillWidth: true
                Layout.leftMargin: 14
                Layout.rightMargin: 8
                text: qsTr("No lists yet. Press + to start one.")
                color: Theme.mutedText
                font.pixelSize: 12
                wrapMode: Text.WordWrap
            }
            Repeater {
                model: nav.controller.lists
                NavEntry {
                    required property quoteListEntry modelData
                    objectName: "navList_" + modelData.id
                    entryView: ZitareView.List
                    refId: modelData.id
                    text: modelData.name
                    count: modelData.count
                }
            }

            SectionHeader {
                text: qsTr("Authors")
            }
            Repeater {
                model: nav.controller.authors
                NavEntry {
                    required property authorEntry modelData
                    required property int index
                    objectName: "navAuthor_" + index
                    entryView: ZitareView.Author
                    refId: modelData.name
                    text: modelData.name
                    count: modelData.count
                }
            }
        }
    }
}
