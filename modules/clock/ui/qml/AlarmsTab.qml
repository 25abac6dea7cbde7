import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// The alarms by time: the time large, its label, its days and when it rings
// next, and a switch. A click on a row edits it.
Item {
    id: tab

    property ClockController controller
    property color accentColor

    signal addRequested
    signal editRequested(string recordId)
    signal deleteRequested(string recordId, string title)

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        anchors.topMargin: 12
        spacing: 12

        ListView {
            id: list
            objectName: "alarmList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 720
            Layout.alignment: Qt.AlignHCenter
            clip: true
            spacing: 8
            visible: count > 0
            model: tab.controller.alarms
            delegate: Rectangle {
                id: row
                required property alarmEntry modelData
                readonly property string title: modelData.label ? modelData.label : qsTr("Alarm")
                readonly property string nextText: tab.controller.nextRingText(modelData.id, tab.controller.now)
                objectName: "alarmRow_" + modelData.id
                width: ListView.view.width
                implicitHeight: 80
                radius: Theme.radius
                color: rowArea.containsMouse ? Theme.hover : Theme.surface
                border.color: Theme.border

                MouseArea {
                    id: rowArea
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: tab.editRequested(row.modelData.id)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 18
                    anchors.rightMargin: 8
                    spacing: 16
                    Label {
                        objectName: "alarmTime"
                        text: row.modelData.time
                        font.pixelSize: 34
                        font.weight: Font.Light
                        color: row.modelData.enabled ? Theme.text : Theme.mutedText
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: row.title
                            font.pixelSize: 15
                            font.bold: true
                            color: row.modelData.enabled ? Theme.text : Theme.mutedText
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "alarmDays"
                            Layout.fillWidth: true
                            text: row.nextText !== "" ? row.modelData.daysText + " · " + row.nextText
                                                      : row.modelData.daysText
                            color: Theme.mutedText
                            elide: Text.ElideRight
                        }
                    }
                    Switch {
                        objectName: "alarmSwitch"
                        checked: row.modelData.enabled
                        Accessible.name: qsTr("Alarm %1 on").arg(row.modelData.time)
                        onToggled: tab.controller.setAlarmEnabled(row.modelData.id, checked)
                    }
                    ToolButton {
                        objectName: "deleteAlarm"
                        text: "\u2715"
                        Accessible.name: qsTr("Delete alarm %1").arg(row.modelData.time)
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: qsTr("Delete")
                        onClicked: tab.deleteRequested(row.modelData.id, row.title)
                    }
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            text: qsTr("No alarms yet. An alarm rings at its time on the days you choose.")
            actionText: qsTr("Add alarm")
            accentColor: tab.accentColor
            onActionTriggered: tab.addRequested()
        }
    }
}
