import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// Ctrl+K: type part of an app's name (English or German) or the start of
// words of a record's title, Up/Down to pick, Enter opens it, Esc closes.
// Apps come first, then records.
Popup {
    id: switcher

    property ModuleListModel modules
    property ShellContext shell
    property alias text: searchField.text
    readonly property var results: modules ? modules.search(searchField.text) : []
    readonly property var recordResults: shell && searchField.text.trim().length >= 2
                                         ? shell.searchRecords(searchField.text) : []
    // Apps (moduleEntry) first, then records (recordSearchResult).
    readonly property var entries: results.map(app => ({ isRecord: false, app: app, record: null }))
                                   .concat(recordResults.map(record => ({ isRecord: true, app: null, record: record })))
    property alias currentIndex: resultList.currentIndex

    signal moduleChosen(int row)
    signal recordChosen(string moduleId, string collection, string recordId)

    function choose(resultIndex) {
        if (resultIndex < 0 || resultIndex >= entries.length)
            return
        const entry = entries[resultIndex]
        close()
        if (!entry.isRecord)
            moduleChosen(entry.app.row)
        else
            recordChosen(entry.record.moduleId, entry.record.collection, entry.record.id)
    }

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: Math.round((parent.width - width) / 2)
    y: Math.round(parent.height * 0.12)
    width: Math.min(520, parent.width - 80)
    padding: 10
    onOpened: {
        searchField.text = ""
        resultList.currentIndex = 0
        searchField.forceActiveFocus()
    }

    background: Rectangle {
        radius: 12
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: 8

        TextField {
            id: searchField
            objectName: "switcherField"
            Layout.fillWidth: true
            placeholderText: qsTr("Go to app or record…")
            font.pixelSize: 15
            onTextChanged: resultList.currentIndex = 0
            onAccepted: switcher.choose(resultList.currentIndex)
            Keys.onDownPressed: resultList.incrementCurrentIndex()
            Keys.onUpPressed: resultList.decrementCurrentIndex()
            Accessible.name: qsTr("Find an app or a record by name")
        }

        ListView {
            id: resultList
            objectName: "switcherResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 360)
            clip: true
            model: switcher.entries
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds

            delegate: ItemDelegate {
                id: result
                required property int index
                required property var modelData

                width: ListView.view.width
                height: 40
                highlighted: ListView.isCurrentItem
                onClicked: switcher.choose(index)
                background: Rectangle {
                    radius: Theme.radius
                    color: result.highlighted ? Theme.selection : result.hovered ? Theme.hover : "transparent"
                }
                readonly property bool isRecord: modelData.isRecord
                contentItem: RowLayout {
                    spacing: 10
                    ModuleIcon {
                        moduleId: result.isRecord ? result.modelData.record.moduleId : result.modelData.app.moduleId
                        name: result.isRecord ? result.modelData.record.moduleName : result.modelData.app.name
                        tileColor: result.isRecord ? result.modelData.record.color : result.modelData.app.color
                        size: result.isRecord ? 18 : 24
                        Layout.leftMargin: result.isRecord ? 3 : 0
                        Layout.rightMargin: result.isRecord ? 3 : 0
                    }
                    Label {
                        Layout.fillWidth: true
                        text: result.isRecord ? result.modelData.record.title : result.modelData.app.name
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: result.isRecord
                        text: result.isRecord ? result.modelData.record.moduleName : ""
                        color: Theme.mutedText
                        font.pixelSize: 11
                    }
                    Label {
                        visible: result.highlighted
                        text: qsTr("Enter")
                        color: Theme.mutedText
                        font.pixelSize: 11
                    }
                }
            }
        }

        Label {
            objectName: "switcherEmpty"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: switcher.entries.length === 0
            text: qsTr("No app or record matches “%1”.").arg(searchField.text)
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }
}
