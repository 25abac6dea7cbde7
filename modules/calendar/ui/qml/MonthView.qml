import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Six weeks around the chosen month: per day its all-day events as bars and
// its timed events as "12:00 Title" lines, as many as fit, then "+N more"
// (which opens the day). Double-click a day to add an all-day event there.
Item {
    id: month

    property var controller
    property var occurrences
    property string selectedDay
    property color accentColor
    signal dayChosen(string day)
    signal dayOpened(string day)
    signal createRequested(string day)
    signal occurrenceChosen(string eventId, string recurrenceId, bool isTask)

    readonly property var days: { controller.language; return controller.monthGrid(selectedDay) }
    readonly property string shownMonth: selectedDay.substring(0, 7)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            Repeater {
                model: { month.controller.language; return month.controller.weekdayNames("short") }
                Label {
                    required property string modelData
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    horizontalAlignment: Text.AlignHCenter
                    topPadding: 4
                    bottomPadding: 4
                    text: modelData
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
            }
        }
        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 7
            rows: 6
            rowSpacing: 0
            columnSpacing: 0

            Repeater {
                model: month.days
                Rectangle {
                    id: cell
                    required property string modelData
                    required property int index
                    readonly property bool isToday: modelData === month.controller.today
                    readonly property bool inMonth: modelData.substring(0, 7) === month.shownMonth
                    readonly property int fitting: Math.max(0, Math.floor((height - 26) / 18))
                    // Re-read when the occurrences change; only the pieces
                    // that fit are made.
                    readonly property int total: {
                        month.occurrences.revision
                        return month.occurrences.countOfDay(index)
                    }
                    readonly property int shown: total > fitting ? Math.max(0, fitting - 1) : total
                    readonly property var pieces: {
                        month.occurrences.revision
                        return month.occurrences.piecesOfDay(index, shown)
                    }
                    objectName: "monthCell_" + modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: 1
                    color: modelData === month.selectedDay ? Theme.selection
                         : inMonth ? Theme.surface : Theme.window
                    border.width: 1
                    border.color: Theme.border

                    // One mouse area per cell: a click on a line opens its
                    // event, on "+N more" the day, elsewhere chooses the
                    // day (fewer items make the month appear faster).
                    MouseArea {
                        anchors.fill: parent
                        onClicked: mouse => {
                            const line = Math.floor((mouse.y - 27) / 18)
                            if (mouse.y >= 27 && line < cell.pieces.length) {
                                const piece = cell.pieces[line]
                                month.occurrenceChosen(piece.eventId, piece.recurrenceId, piece.isTask)
                            } else if (mouse.y >= 27 && line === cell.pieces.length && cell.total > cell.shown) {
                                month.dayOpened(cell.modelData)
                            } else {
                                month.dayChosen(cell.modelData)
                            }
                        }
                        onDoubleClicked: month.createRequested(cell.modelData)
                    }
                    Rectangle {
                        x: 6
                        y: 4
                        width: 22
                        height: 22
                        radius: 11
                        visible: cell.isToday
                        color: month.accentColor
                    }
                    Text {
                        x: 6
                        y: 4
                        width: 22
                        height: 22
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        text: Number(cell.modelData.substring(8))
                        font.pixelSize: 12
                        font.bold: cell.isToday
                        color: cell.isToday ? "#ffffff" : cell.inMonth ? Theme.text : Theme.mutedText
                    }
                    // A line is one Text and one Rectangle under it: the
                    // bar of an all-day event, the dot of a timed one.
                    Repeater {
                        model: cell.pieces.length
                        Text {
                            id: chip
                            required property int index
                            readonly property var piece: cell.pieces[index]
                            readonly property bool allDay: piece.allDay
                            x: allDay ? 7 : 16
                            y: 27 + index * 18
                            width: cell.width - x - 5
                            height: 16
                            verticalAlignment: Text.AlignVCenter
                            text: allDay ? piece.title : piece.timeText + " " + piece.title
                            elide: Text.ElideRight
                            font.pixelSize: 11
                            font.strikeout: piece.isTask && piece.done
                            color: allDay ? "#ffffff" : Theme.text
                            Rectangle {
                                z: -1
                                x: chip.allDay ? -4 : -10
                                y: chip.allDay ? 0 : 5
                                width: chip.allDay ? cell.width - 6 : 6
                                height: chip.allDay ? 16 : 6
                                radius: 3
                                color: chip.piece.color
                            }
                        }
                    }
                    Text {
                        objectName: "moreLabel"
                        x: 6
                        y: 27 + cell.shown * 18
                        visible: cell.total > cell.shown
                        text: qsTr("+%1 more").arg(cell.total - cell.shown)
                        font.pixelSize: 11
                        color: Theme.mutedText
                    }
                }
            }
        }
    }
}
