import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// The stopwatch: the time with hundredths, Start/Pause, Lap and Reset, the
// laps newest first. Keys: Space, Enter or L, Delete (ClockPage).
// It is this computer's only: not synced (docs/clock.md).
Item {
    id: tab

    property ClockController controller
    property color accentColor

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 18

        Label {
            objectName: "stopwatchTime"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 24
            text: tab.controller.stopwatchText
            font.pixelSize: 64
            font.weight: Font.Light
            font.family: "monospace"
            color: Theme.text
        }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: 12
            Button {
                objectName: "stopwatchStartButton"
                implicitWidth: 120
                text: tab.controller.stopwatchRunning ? qsTr("Pause")
                    : tab.controller.stopwatchStarted ? qsTr("Resume") : qsTr("Start")
                highlighted: !tab.controller.stopwatchRunning
                focusPolicy: Qt.NoFocus
                onClicked: tab.controller.startOrPauseStopwatch()
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Space")
            }
            Button {
                objectName: "stopwatchLapButton"
                implicitWidth: 120
                text: qsTr("Lap")
                visible: tab.controller.stopwatchRunning
                focusPolicy: Qt.NoFocus
                onClicked: tab.controller.lapStopwatch()
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Enter or L")
            }
            Button {
                objectName: "stopwatchResetButton"
                implicitWidth: 120
                text: qsTr("Reset")
                visible: !tab.controller.stopwatchRunning && tab.controller.stopwatchStarted
                focusPolicy: Qt.NoFocus
                onClicked: tab.controller.resetStopwatch()
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Delete")
            }
        }

        Label {
            Layout.alignment: Qt.AlignHCenter
            visible: !tab.controller.stopwatchStarted
            text: qsTr("Press Start or Space to measure time. Laps appear below.")
            color: Theme.mutedText
        }

        ListView {
            id: lapList
            objectName: "lapList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumWidth: 520
            Layout.alignment: Qt.AlignHCenter
            clip: true
            model: tab.controller.laps
            delegate: RowLayout {
                required property lapEntry modelData
                width: ListView.view.width
                height: 36
                Label {
                    Layout.preferredWidth: 120
                    text: qsTr("Lap %1").arg(modelData.number)
                    color: Theme.mutedText
                }
                Label {
                    Layout.fillWidth: true
                    text: modelData.lapText
                    font.family: "monospace"
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                }
                Label {
                    text: modelData.totalText
                    font.family: "monospace"
                    color: Theme.mutedText
                }
            }
        }
    }
}
