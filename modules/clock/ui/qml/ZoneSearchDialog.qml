import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// Adding a world clock: type a city ("tok", "new y", "Wien"), pick it from
// the list (Enter takes the first).
ShellDialog {
    id: dialog

    property ClockController controller
    // ClockController.searchZones: zoneMatch values, best first.
    property var results: []

    function openSearch() {
        field.text = ""
        results = []
        open()
        field.forceActiveFocus()
    }
    function choose(match) {
        if (!match)
            return
        if (controller.addWorldClock(match.zoneId, match.city) !== "")
            close()
    }

    title: qsTr("Add a city")
    width: 460
    height: 480
    standardButtons: Dialog.Cancel

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        TextField {
            id: field
            objectName: "zoneSearchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search for a city")
            onTextChanged: dialog.results = dialog.controller.searchZones(text)
            onAccepted: dialog.choose(dialog.results[0])
            Keys.onDownPressed: resultList.forceActiveFocus()
        }
        ListView {
            id: resultList
            objectName: "zoneResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.results
            keyNavigationEnabled: true
            Keys.onReturnPressed: dialog.choose(dialog.results[currentIndex])
            delegate: ItemDelegate {
                id: result
                required property zoneMatch modelData
                required property int index
                width: ListView.view.width
                highlighted: ListView.isCurrentItem && resultList.activeFocus
                contentItem: ColumnLayout {
                    spacing: 0
                    Label {
                        text: result.modelData.city
                        color: Theme.text
                        font.bold: true
                    }
                    Label {
                        text: result.modelData.country !== "" ? result.modelData.country + " · " + result.modelData.zoneId
                                                              : result.modelData.zoneId
                        color: Theme.mutedText
                        font.pixelSize: 12
                    }
                }
                onClicked: dialog.choose(modelData)
            }
        }
        Label {
            Layout.fillWidth: true
            visible: field.text.trim() !== "" && dialog.results.length === 0
            text: qsTr("No city found. Try the English name or a bigger city nearby in the same time zone.")
            wrapMode: Text.WordWrap
            color: Theme.mutedText
        }
    }
}
