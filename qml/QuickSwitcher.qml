import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore

// Ctrl+K: type part of an app's name (English or German), Up/Down to pick,
// Enter opens it, Esc closes.
Popup {
    id: switcher

    property ModuleListModel modules
    property alias text: searchField.text
    readonly property var results: modules ? modules.search(searchField.text) : []
    property alias currentIndex: resultList.currentIndex

    signal moduleChosen(int row)

    function choose(resultIndex) {
        if (resultIndex < 0 || resultIndex >= results.length)
            return
        const row = results[resultIndex].row
        close()
        moduleChosen(row)
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
            placeholderText: qsTr("Go to app…")
            font.pixelSize: 15
            onTextChanged: resultList.currentIndex = 0
            onAccepted: switcher.choose(resultList.currentIndex)
            Keys.onDownPressed: resultList.incrementCurrentIndex()
            Keys.onUpPressed: resultList.decrementCurrentIndex()
            Accessible.name: qsTr("Find an app by name")
        }

        ListView {
            id: resultList
            objectName: "switcherResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 360)
            clip: true
            model: switcher.results
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
                contentItem: RowLayout {
                    spacing: 10
                    ModuleIcon {
                        moduleId: result.modelData.moduleId
                        name: result.modelData.name
                        tileColor: result.modelData.color
                        size: 24
                    }
                    Label {
                        Layout.fillWidth: true
                        text: result.modelData.name
                        color: Theme.text
                        elide: Text.ElideRight
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
            visible: switcher.results.length === 0
            text: qsTr("No app matches “%1”.").arg(searchField.text)
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }
    }
}
