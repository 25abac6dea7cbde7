import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// World clocks: your own time on top, then each city with its time, the day
// (today, tomorrow, yesterday) and the difference to yours, a sun or a moon,
// and summer time where it is in effect.
Item {
    id: tab

    property ClockController controller
    property color accentColor

    signal addRequested
    signal deleteRequested(string recordId, string title)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        anchors.topMargin: 12
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Layout.maximumWidth: 720
            Layout.alignment: Qt.AlignHCenter
            spacing: 12
            Label {
                objectName: "localTime"
                text: tab.controller.localTimeText
                font.pixelSize: 40
                font.weight: Font.Light
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Your time · %1").arg(tab.controller.localZoneText)
                color: Theme.mutedText
                font.pixelSize: 14
            }
        }

        ListView {
            id: list
            objectName: "worldClockList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 720
            Layout.alignment: Qt.AlignHCenter
            clip: true
            spacing: 8
            visible: count > 0
            model: tab.controller.worldClocks
            delegate: Rectangle {
                id: row
                required property worldClockEntry modelData
                required property int index
                readonly property worldClockDisplay info: tab.controller.worldClockInfo(modelData.timezone, tab.controller.now)
                readonly property string cityName: modelData.cityName
                width: ListView.view.width
                implicitHeight: 72
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 8
                    spacing: 14
                    DayNightIcon {
                        isDay: row.info.valid && row.info.isDay
                        background: row.color
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: row.cityName
                            font.pixelSize: 16
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "worldClockDetails"
                            Layout.fillWidth: true
                            text: row.info.valid
                                  ? [row.info.dayText, row.info.offsetText].concat(row.info.isDst ? [qsTr("summer time")] : []).join(" · ")
                                  : qsTr("Unknown time zone %1").arg(row.modelData.timezone)
                            color: Theme.mutedText
                            elide: Text.ElideRight
                        }
                    }
                    Label {
                        objectName: "worldClockTime"
                        text: row.info.valid ? row.info.time : "--:--"
                        font.pixelSize: 30
                        font.weight: Font.Light
                        color: Theme.text
                    }
                    ColumnLayout {
                        spacing: 0
                        ToolButton {
                            text: "\u25B2"
                            font.pixelSize: 9
                            implicitHeight: 22
                            enabled: row.index > 0
                            Accessible.name: qsTr("Move up")
                            onClicked: tab.controller.moveWorldClock(row.modelData.id, -1)
                        }
                        ToolButton {
                            text: "\u25BC"
                            font.pixelSize: 9
                            implicitHeight: 22
                            enabled: row.index < list.count - 1
                            Accessible.name: qsTr("Move down")
                            onClicked: tab.controller.moveWorldClock(row.modelData.id, 1)
                        }
                    }
                    ToolButton {
                        objectName: "removeWorldClock"
                        text: "\u2715"
                        Accessible.name: qsTr("Remove %1").arg(row.cityName)
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: qsTr("Remove")
                        onClicked: tab.deleteRequested(row.modelData.id, row.cityName)
                    }
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            text: qsTr("No world clocks yet. Add a city to see its time next to yours.")
            actionText: qsTr("Add city")
            accentColor: tab.accentColor
            onActionTriggered: tab.addRequested()
        }
    }
}
