import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// The timers, several at once: each with its time left, a bar of what is
// left, and Start, Pause, Resume and Reset. They keep running with the page
// closed and across a restart (they are records: docs/clock.md).
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

        ListView {
            id: list
            objectName: "timerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 720
            Layout.alignment: Qt.AlignHCenter
            clip: true
            spacing: 8
            visible: count > 0
            model: tab.controller.timers
            delegate: Rectangle {
                id: row
                required property timerEntry modelData
                readonly property int status: modelData.status
                readonly property string title: modelData.label ? modelData.label : qsTr("Timer")
                objectName: "timerRow_" + modelData.id
                width: ListView.view.width
                implicitHeight: 92
                radius: Theme.radius
                color: Theme.surface
                border.color: row.status === TimerState.Finished ? tab.accentColor : Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    anchors.leftMargin: 18
                    spacing: 6
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 16
                        Label {
                            objectName: "timerRemaining"
                            text: tab.controller.timerRemainingText(row.modelData.id, tab.controller.now)
                            font.pixelSize: 34
                            font.weight: Font.Light
                            font.family: "monospace"
                            color: row.status === TimerState.Finished ? tab.accentColor : Theme.text
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: row.title
                                font.bold: true
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                objectName: "timerStatus"
                                Layout.fillWidth: true
                                text: row.status === TimerState.Running ? qsTr("Running · %1").arg(tab.controller.durationText(row.modelData.durationSeconds))
                                    : row.status === TimerState.Paused ? qsTr("Paused · %1").arg(tab.controller.durationText(row.modelData.durationSeconds))
                                    : row.status === TimerState.Finished ? qsTr("Time is up")
                                    : tab.controller.durationText(row.modelData.durationSeconds)
                                color: Theme.mutedText
                            }
                        }
                        Button {
                            objectName: "timerStartButton"
                            text: row.status === TimerState.Running ? qsTr("Pause")
                                : row.status === TimerState.Paused ? qsTr("Resume") : qsTr("Start")
                            highlighted: row.status !== TimerState.Running
                            onClicked: row.status === TimerState.Running ? tab.controller.pauseTimer(row.modelData.id)
                                                                : tab.controller.startTimer(row.modelData.id)
                        }
                        Button {
                            objectName: "timerResetButton"
                            text: qsTr("Reset")
                            enabled: row.status !== TimerState.Idle
                            onClicked: tab.controller.resetTimer(row.modelData.id)
                        }
                        ToolButton {
                            objectName: "deleteTimer"
                            text: "\u2715"
                            Accessible.name: qsTr("Delete timer %1").arg(row.title)
                            ToolTip.visible: hovered
                            ToolTip.delay: 500
                            ToolTip.text: qsTr("Delete")
                            onClicked: tab.deleteRequested(row.modelData.id, row.title)
                        }
                    }
                    // What is left, as a bar.
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 4
                        radius: 2
                        color: Theme.hover
                        Rectangle {
                            width: parent.width * tab.controller.timerProgress(row.modelData.id, tab.controller.now)
                            height: parent.height
                            radius: 2
                            color: tab.accentColor
                        }
                    }
                }
            }
        }

        EmptyState {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            text: qsTr("No timers yet. A timer counts down and rings when it reaches zero, even after a restart.")
            actionText: qsTr("Add timer")
            accentColor: tab.accentColor
            onActionTriggered: tab.addRequested()
        }
    }
}
