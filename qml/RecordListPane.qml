import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// The generic list of one collection: search, filters on the enum and
// boolean fields, a sort, the records, and an empty state that says what
// the list is for.
ColumnLayout {
    id: pane

    property ShellContext shell
    property string appId
    property string collectionName
    property string emptyText
    property color accentColor: Theme.accent
    property string selectedId: ""
    property alias records: recordModel
    property alias list: recordList

    signal activated(string recordId)

    spacing: 0

    RecordListModel {
        id: recordModel
        context: pane.shell
        appId: pane.appId
        collectionName: pane.collectionName
    }

    // The toolbar: search, a filter per enum/boolean field, the sort. It
    // wraps onto a second line when the list is narrow (details open).
    Flow {
        Layout.fillWidth: true
        Layout.leftMargin: 20
        Layout.rightMargin: 20
        Layout.topMargin: 10
        Layout.bottomMargin: 6
        spacing: 8

        TextField {
            id: searchField
            objectName: "searchField"
            width: Math.min(280, parent.width)
            placeholderText: qsTr("Search")
            Accessible.name: qsTr("Search")
            onTextChanged: recordModel.searchText = text
            Keys.onEscapePressed: text = ""
        }

        Repeater {
            model: recordModel.filterOptions
            ComboBox {
                id: filterBox
                required property filterOption modelData
                objectName: "filter_" + modelData.name
                // As wide as its longest choice: "Luftfeuchtigkeit: alle".
                implicitContentWidthPolicy: ComboBox.WidestTextWhenCompleted
                width: Math.max(180, implicitWidth)
                model: [{ value: null, label: modelData.label + ": " + qsTr("all") }].concat(
                           modelData.choices.map(c => ({ value: c.value, label: modelData.label + ": " + c.label })))
                textRole: "label"
                Accessible.name: modelData.label
                onActivated: index => {
                    const filters = Object.assign({}, recordModel.filters)
                    if (index === 0)
                        delete filters[modelData.name]
                    else
                        filters[modelData.name] = modelData.choices[index - 1].value
                    recordModel.filters = filters
                }
            }
        }

        Row {
            spacing: 2
            ComboBox {
                id: sortBox
                objectName: "sortBox"
                implicitContentWidthPolicy: ComboBox.WidestTextWhenCompleted
                width: Math.max(170, implicitWidth)
                model: [{ name: "", label: qsTr("Natural order") }].concat(Array.from(recordModel.sortOptions))
                textRole: "label"
                valueRole: "name"
                Accessible.name: qsTr("Sort by")
                onActivated: recordModel.sortField = currentValue
            }
            ToolButton {
                objectName: "sortDirection"
                visible: recordModel.sortField !== ""
                text: recordModel.sortDescending ? "↓" : "↑"
                Accessible.name: recordModel.sortDescending ? qsTr("Descending") : qsTr("Ascending")
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: Accessible.name
                onClicked: recordModel.sortDescending = !recordModel.sortDescending
            }
        }
    }

    ListView {
        id: recordList
        objectName: "recordList"
        // Rows scrolled away are reused for the rows scrolled in.
        reuseItems: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: recordModel
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        keyNavigationEnabled: true
        currentIndex: recordModel.indexOfId(pane.selectedId)

        delegate: ItemDelegate {
            id: recordRow
            required property int index
            required property string title
            required property string subtitle
            required property string recordId
            readonly property bool selected: recordId === pane.selectedId
            onIndexChanged: recordModel.loadMoreAfter(index)
            Component.onCompleted: recordModel.loadMoreAfter(index)

            width: ListView.view.width
            leftPadding: 24
            rightPadding: 24
            topPadding: 8
            bottomPadding: 8
            onClicked: pane.activated(recordId)
            Keys.onReturnPressed: pane.activated(recordId)
            background: Rectangle {
                color: recordRow.selected ? Theme.selection : recordRow.hovered ? Theme.hover : "transparent"
                Rectangle {
                    visible: recordRow.selected
                    width: 3
                    height: parent.height
                    color: pane.accentColor
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: 24
                    height: 1
                    color: Theme.border
                    opacity: 0.6
                }
            }
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: recordRow.title
                    color: Theme.text
                    font.pixelSize: 14
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: recordRow.subtitle
                    color: Theme.mutedText
                    font.pixelSize: 12
                    elide: Text.ElideRight
                }
            }
        }

        Label {
            objectName: "emptyLabel"
            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 440)
            visible: recordModel.count === 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            color: Theme.mutedText
            font.pixelSize: 14
            text: recordModel.error !== "" ? recordModel.error
                  : recordModel.totalCount > 0 ? qsTr("Nothing matches the search or filters.")
                  : pane.emptyText
        }
    }

    // How many records the list holds (all of them, loaded or not), and of
    // how many when a search or filter narrows it.
    Label {
        objectName: "recordCount"
        Layout.fillWidth: true
        Layout.leftMargin: 24
        Layout.rightMargin: 24
        Layout.topMargin: 4
        Layout.bottomMargin: 6
        visible: recordModel.totalCount > 0
        color: Theme.mutedText
        font.pixelSize: 12
        elide: Text.ElideRight
        text: recordModel.matchCount === recordModel.totalCount
              ? qsTr("%Ln record(s)", "", recordModel.totalCount)
              : qsTr("%1 of %Ln record(s)", "", recordModel.totalCount)
                    .arg(Number(recordModel.matchCount).toLocaleString(Qt.locale(), "f", 0))
    }
}
