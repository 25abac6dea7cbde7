import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaClock
import ManaControls

// A new timer: hours, minutes and seconds (or one of the common lengths)
// and an optional label; "Start" adds it running, "Add" adds it ready.
ShellDialog {
    id: dialog

    property ClockController controller
    readonly property int totalSeconds: hours.value * 3600 + minutes.value * 60 + seconds.value

    function openNew() {
        hours.value = 0
        minutes.value = 5
        seconds.value = 0
        label.text = ""
        error.text = ""
        open()
    }
    function add(start) {
        const id = controller.addTimer(totalSeconds, label.text)
        if (id === "") {
            error.text = controller.lastError()
            return
        }
        if (start)
            controller.startTimer(id)
        close()
    }

    title: qsTr("New timer")
    // Wide enough for the three fields and their units in every language
    // (German's "Std." "Min." "Sek." ran past the edge at a fixed 460).
    width: Math.max(460, timeRow.implicitWidth + leftPadding + rightPadding)

    footer: DialogButtonBox {
        Button {
            objectName: "timerStartNowButton"
            text: qsTr("Start")
            highlighted: true
            enabled: dialog.totalSeconds > 0
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button {
            objectName: "timerAddButton"
            text: qsTr("Add")
            enabled: dialog.totalSeconds > 0
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
            onClicked: dialog.add(false)
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        onAccepted: dialog.add(true)
        onRejected: dialog.close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 14

        RowLayout {
            id: timeRow
            Layout.alignment: Qt.AlignHCenter
            spacing: 4
            SpinBox {
                id: hours
                objectName: "timerHours"
                from: 0
                to: 23
                editable: true
                font.pixelSize: 22
                Accessible.name: qsTr("Hours")
            }
            Label { text: qsTr("h"); color: Theme.mutedText }
            SpinBox {
                id: minutes
                objectName: "timerMinutes"
                from: 0
                to: 59
                editable: true
                font.pixelSize: 22
                Accessible.name: qsTr("Minutes")
            }
            Label { text: qsTr("min"); color: Theme.mutedText }
            SpinBox {
                id: seconds
                objectName: "timerSeconds"
                from: 0
                to: 59
                editable: true
                font.pixelSize: 22
                Accessible.name: qsTr("Seconds")
            }
            Label { text: qsTr("s"); color: Theme.mutedText }
        }

        Flow {
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: [60, 180, 300, 600, 900, 1800, 3600]
                Button {
                    required property int modelData
                    text: dialog.controller ? dialog.controller.durationText(modelData) : ""
                    flat: true
                    onClicked: {
                        hours.value = Math.floor(modelData / 3600)
                        minutes.value = Math.floor(modelData / 60) % 60
                        seconds.value = modelData % 60
                    }
                }
            }
        }
        TextField {
            id: label
            objectName: "timerLabelField"
            Layout.fillWidth: true
            placeholderText: qsTr("Label (optional)")
            onAccepted: dialog.add(true)
        }
        Label {
            id: error
            Layout.fillWidth: true
            visible: text !== ""
            color: Theme.errorText
            wrapMode: Text.WordWrap
        }
    }
}
