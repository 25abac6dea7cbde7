import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// Alarms ringing now (Snooze, Dismiss) and timers that finished (OK), above
// every tab, so they are seen whatever tab is open.
ColumnLayout {
    id: banner

    property ClockController controller
    property color accentColor

    spacing: 6
    visible: controller && (controller.ringingAlarms.length > 0 || controller.finishedTimers.length > 0)

    Repeater {
        model: banner.controller ? banner.controller.ringingAlarms : []
        Rectangle {
            id: alarmRow
            required property ringingAlarm modelData
            objectName: "ringingAlarm_" + modelData.alarmId
            Layout.fillWidth: true
            implicitHeight: alarmLayout.implicitHeight + 20
            radius: Theme.radius
            color: banner.accentColor
            RowLayout {
                id: alarmLayout
                anchors.fill: parent
                anchors.margins: 10
                anchors.leftMargin: 16
                spacing: 12
                Label {
                    text: alarmRow.modelData.timeText
                    font.pixelSize: 26
                    font.bold: true
                    color: "white"
                }
                Label {
                    Layout.fillWidth: true
                    text: alarmRow.modelData.label !== "" ? alarmRow.modelData.label : qsTr("Alarm")
                    font.pixelSize: 16
                    color: "white"
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "snoozeButton"
                    text: qsTr("Snooze")
                    onClicked: banner.controller.snoozeAlarm(alarmRow.modelData.alarmId)
                }
                Button {
                    objectName: "dismissButton"
                    text: qsTr("Dismiss")
                    highlighted: true
                    onClicked: banner.controller.dismissAlarm(alarmRow.modelData.alarmId)
                }
            }
        }
    }

    Repeater {
        model: banner.controller ? banner.controller.finishedTimers : []
        Rectangle {
            id: timerRow
            required property finishedTimer modelData
            objectName: "finishedTimer_" + modelData.timerId
            Layout.fillWidth: true
            implicitHeight: timerLayout.implicitHeight + 20
            radius: Theme.radius
            color: Theme.noticeBackground
            border.color: Theme.border
            RowLayout {
                id: timerLayout
                anchors.fill: parent
                anchors.margins: 10
                anchors.leftMargin: 16
                spacing: 12
                Label {
                    Layout.fillWidth: true
                    text: timerRow.modelData.label !== ""
                          ? qsTr("Time is up: %1").arg(timerRow.modelData.label)
                          : qsTr("Time is up")
                    font.pixelSize: 16
                    font.bold: true
                    color: Theme.noticeText
                    elide: Text.ElideRight
                }
                Button {
                    objectName: "timerDoneButton"
                    text: qsTr("OK")
                    onClicked: banner.controller.dismissFinishedTimer(timerRow.modelData.timerId)
                }
            }
        }
    }
}
