import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Four weeks from the chosen day as a list: each day with events under its
// date, days without events left out; an empty period says so.
Item {
    id: agenda

    property var controller
    property var occurrences
    property color accentColor
    signal occurrenceChosen(string eventId, string recurrenceId, bool isTask)

    // The days that hold something, re-read with the occurrences.
    readonly property var busyDays: {
        occurrences.revision
        const list = []
        for (let i = 0; i < occurrences.days; ++i) {
            const pieces = occurrences.piecesOfDay(i)
            if (pieces.length > 0)
                list.push({ day: controller.addDays(occurrences.firstDay, i), pieces: pieces })
        }
        return list
    }

    Label {
        objectName: "agendaEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: agenda.busyDays.length === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("Nothing planned in these four weeks. Press Ctrl+N to add an event.")
        color: Theme.mutedText
    }

    ListView {
        id: list
        objectName: "agendaList"
        anchors.fill: parent
        anchors.leftMargin: 16
        anchors.rightMargin: 16
        clip: true
        model: agenda.busyDays
        spacing: 6
        ScrollBar.vertical: ScrollBar {}
        delegate: ColumnLayout {
            id: dayBlock
            required property var modelData
            width: ListView.view.width
            spacing: 2
            Label {
                Layout.topMargin: 8
                text: { agenda.controller.language; return agenda.controller.dayLabel(dayBlock.modelData.day, true) }
                font.bold: true
                color: dayBlock.modelData.day === agenda.controller.today ? agenda.accentColor : Theme.text
            }
            Repeater {
                model: dayBlock.modelData.pieces
                ItemDelegate {
                    id: entry
                    required property var modelData
                    Layout.fillWidth: true
                    height: 34
                    onClicked: agenda.occurrenceChosen(modelData.eventId, modelData.recurrenceId, modelData.isTask)
                    contentItem: RowLayout {
                        spacing: 10
                        Rectangle {
                            Layout.preferredWidth: 10
                            Layout.preferredHeight: 10
                            radius: entry.modelData.isTask ? 2 : 5
                            color: entry.modelData.color
                        }
                        Label {
                            Layout.preferredWidth: 130
                            text: entry.modelData.timeText
                            color: Theme.mutedText
                        }
                        Label {
                            Layout.fillWidth: true
                            text: (entry.modelData.recurring ? "↻ " : "") + entry.modelData.title
                                  + (entry.modelData.location ? " · " + entry.modelData.location : "")
                            font.strikeout: entry.modelData.done
                            elide: Text.ElideRight
                            color: Theme.text
                        }
                    }
                }
            }
        }
    }
}
