import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// The week (7 days) and day (1 day) views: an hour grid per day with the
// timed events side by side where they overlap, and the all-day row above.
// Drag over a free slot to create an event there (double-click: one hour);
// drag an event to move it, its lower edge to resize it (15-minute steps).
Item {
    id: grid

    property var controller
    property var occurrences
    property string selectedDay
    property color accentColor
    readonly property int days: occurrences.days
    readonly property real gutter: 64
    readonly property real columnWidth: Math.max(40, (width - gutter - 12) / days)
    readonly property real hourHeight: 48
    readonly property real minuteHeight: hourHeight / 60
    readonly property int snapMinutes: 15
    readonly property alias flickable: flick

    signal dayChosen(string day)
    signal createRequested(string day, int startMinute, int endMinute, bool allDay)
    signal occurrenceChosen(string eventId, string recurrenceId, bool isTask)
    signal moveRequested(string eventId, string recurrenceId, string startLocal, string endLocal)

    function dayAt(index) {
        return controller.addDays(occurrences.firstDay, index)
    }
    function snap(minutes) {
        return Math.max(0, Math.min(1440, Math.round(minutes / snapMinutes) * snapMinutes))
    }
    function minuteAt(y) {
        return snap(y / minuteHeight)
    }
    function dayIndexAt(x) {
        return Math.max(0, Math.min(days - 1, Math.floor((x - gutter) / columnWidth)))
    }
    // The grid opens at 06:00, where a working day begins to show.
    Component.onCompleted: flick.contentY = Math.max(0, 6 * hourHeight - 12)

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // The day headers.
        Row {
            Layout.fillWidth: true
            Layout.leftMargin: grid.gutter
            Repeater {
                model: grid.days
                AbstractButton {
                    id: header
                    required property int index
                    readonly property string day: grid.dayAt(index)
                    readonly property bool isToday: day === grid.controller.today
                    width: grid.columnWidth
                    height: 30
                    onClicked: grid.dayChosen(day)
                    contentItem: Label {
                        text: { grid.controller.language; return grid.controller.dayLabel(header.day, false) }
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        font.bold: header.isToday
                        color: header.isToday ? grid.accentColor : Theme.mutedText
                    }
                    background: Rectangle {
                        color: header.day === grid.selectedDay ? Theme.selection : "transparent"
                    }
                }
            }
        }

        // The all-day row: all-day and multi-day events (and tasks) in lanes.
        Item {
            id: allDayRow
            objectName: "allDayRow"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(1, grid.occurrences.laneCount) * 22 + 6
            Label {
                width: grid.gutter - 6
                anchors.verticalCenter: parent.verticalCenter
                horizontalAlignment: Text.AlignRight
                text: qsTr("all day")
                font.pixelSize: 10
                color: Theme.mutedText
            }
            MouseArea {
                x: grid.gutter
                width: grid.columnWidth * grid.days
                height: parent.height
                onDoubleClicked: mouse => {
                    const day = grid.dayAt(Math.floor(mouse.x / grid.columnWidth))
                    grid.createRequested(day, 0, 1440, true)
                }
            }
            Repeater {
                model: grid.occurrences.spanBlocks
                Rectangle {
                    id: span
                    required property string kind
                    required property int dayIndex
                    required property int lastDayIndex
                    required property int lane
                    required property string title
                    required property string eventColor
                    required property string eventId
                    required property string recurrenceId
                    required property bool isTask
                    required property bool done
                    visible: kind === "span"
                    objectName: "span_" + title
                    x: grid.gutter + dayIndex * grid.columnWidth + 1
                    y: 3 + lane * 22
                    width: (lastDayIndex - dayIndex + 1) * grid.columnWidth - 2
                    height: 20
                    radius: 4
                    color: isTask ? "transparent" : span.eventColor
                    border.width: isTask ? 1 : 0
                    border.color: span.eventColor
                    Label {
                        anchors.fill: parent
                        anchors.leftMargin: 6
                        verticalAlignment: Text.AlignVCenter
                        text: (span.isTask ? (span.done ? "☑ " : "☐ ") : "") + span.title
                        elide: Text.ElideRight
                        font.pixelSize: 12
                        font.strikeout: span.done
                        color: span.isTask ? Theme.text : "#ffffff"
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: grid.occurrenceChosen(span.eventId, span.recurrenceId, span.isTask)
                    }
                }
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
        }

        Flickable {
            id: flick
            objectName: "timeGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: 24 * grid.hourHeight + 8
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            Item {
                id: canvas
                objectName: "gridCanvas"
                width: flick.width
                height: flick.contentHeight

                // Hours and lines.
                Repeater {
                    model: 24
                    Item {
                        required property int index
                        y: index * grid.hourHeight
                        width: canvas.width
                        height: grid.hourHeight
                        Label {
                            width: grid.gutter - 8
                            y: -7
                            visible: parent.index > 0
                            horizontalAlignment: Text.AlignRight
                            text: { grid.controller.language; return grid.controller.timeText(parent.index * 60) }
                            font.pixelSize: 10
                            color: Theme.mutedText
                        }
                        Rectangle {
                            x: grid.gutter
                            width: grid.columnWidth * grid.days
                            height: 1
                            color: Theme.border
                        }
                    }
                }
                // Day columns: today tinted, separators.
                Repeater {
                    model: grid.days
                    Rectangle {
                        required property int index
                        x: grid.gutter + index * grid.columnWidth
                        width: grid.columnWidth
                        height: canvas.height
                        color: grid.dayAt(index) === grid.controller.today ? Qt.alpha(grid.accentColor, 0.06) : "transparent"
                        Rectangle {
                            width: 1
                            height: parent.height
                            color: Theme.border
                        }
                    }
                }

                // Drag over free time to create; double-click for an hour.
                MouseArea {
                    id: creator
                    objectName: "freeSlotArea"
                    x: grid.gutter
                    width: grid.columnWidth * grid.days
                    height: canvas.height
                    property int day: -1
                    property int from: 0
                    property int to: 0
                    preventStealing: true
                    onPressed: mouse => {
                        day = Math.floor(mouse.x / grid.columnWidth)
                        from = Math.floor(mouse.y / grid.minuteHeight / grid.snapMinutes) * grid.snapMinutes
                        to = from
                    }
                    onPositionChanged: mouse => {
                        if (day >= 0)
                            to = grid.minuteAt(mouse.y)
                    }
                    onReleased: {
                        const start = Math.min(from, to), end = Math.max(from, to)
                        if (day >= 0 && end - start >= grid.snapMinutes)
                            grid.createRequested(grid.dayAt(day), start, end, false)
                        day = -1
                    }
                    onDoubleClicked: mouse => {
                        const d = Math.floor(mouse.x / grid.columnWidth)
                        const start = Math.floor(mouse.y / grid.minuteHeight / 30) * 30
                        day = -1
                        grid.createRequested(grid.dayAt(d), start, Math.min(1440, start + 60), false)
                    }
                }
                Rectangle {
                    objectName: "creationPreview"
                    visible: creator.day >= 0 && creator.to !== creator.from
                    x: grid.gutter + creator.day * grid.columnWidth + 2
                    y: Math.min(creator.from, creator.to) * grid.minuteHeight
                    width: grid.columnWidth - 4
                    height: Math.abs(creator.to - creator.from) * grid.minuteHeight
                    radius: 4
                    color: Qt.alpha(grid.accentColor, 0.35)
                    border.color: grid.accentColor
                }

                // The timed events.
                Repeater {
                    model: grid.occurrences.timedBlocks
                    Rectangle {
                        id: block
                        required property string kind
                        required property int dayIndex
                        required property int column
                        required property int columnCount
                        required property int startMinute
                        required property int endMinute
                        required property string title
                        required property string eventColor
                        required property string timeText
                        required property string location
                        required property string eventId
                        required property string recurrenceId
                        required property bool recurring
                        required property string start
                        required property string end
                        readonly property real slotWidth: (grid.columnWidth - 4) / columnCount
                        // While dragging: the move in days and minutes, and
                        // the change of the end when resizing.
                        property int dragDays: 0
                        property int dragMinutes: 0
                        property int resizeMinutes: 0
                        visible: kind === "timed"
                        objectName: "block_" + title
                        x: grid.gutter + (dayIndex + dragDays) * grid.columnWidth + 2 + column * slotWidth
                        y: (startMinute + dragMinutes) * grid.minuteHeight
                        z: mover.pressed || resizer.pressed ? 10 : 1
                        width: slotWidth - 2
                        height: Math.max(18, (endMinute - startMinute + resizeMinutes) * grid.minuteHeight - 1)
                        radius: 4
                        color: Qt.alpha(block.eventColor, mover.pressed || resizer.pressed ? 0.95 : 0.85)
                        border.width: 1
                        border.color: Qt.darker(block.eventColor, 1.2)
                        Column {
                            anchors.fill: parent
                            anchors.margins: 4
                            clip: true
                            Label {
                                width: parent.width
                                text: (block.recurring ? "↻ " : "") + block.title
                                font.pixelSize: 12
                                font.bold: true
                                elide: Text.ElideRight
                                color: "#ffffff"
                            }
                            Label {
                                width: parent.width
                                visible: block.height > 34
                                text: block.timeText + (block.location !== "" ? " · " + block.location : "")
                                font.pixelSize: 11
                                elide: Text.ElideRight
                                color: "#ffffff"
                                opacity: 0.9
                            }
                        }
                        MouseArea {
                            id: mover
                            anchors.fill: parent
                            anchors.bottomMargin: 6
                            cursorShape: pressed ? Qt.ClosedHandCursor : Qt.PointingHandCursor
                            preventStealing: true
                            property point origin
                            property bool moved: false
                            onPressed: mouse => {
                                origin = mapToItem(canvas, mouse.x, mouse.y)
                                moved = false
                            }
                            onPositionChanged: mouse => {
                                const here = mapToItem(canvas, mouse.x, mouse.y)
                                const dx = here.x - origin.x, dy = here.y - origin.y
                                if (!moved && Math.abs(dx) < 4 && Math.abs(dy) < 4)
                                    return
                                moved = true
                                block.dragDays = Math.max(-block.dayIndex, Math.min(grid.days - 1 - block.dayIndex, Math.round(dx / grid.columnWidth)))
                                block.dragMinutes = Math.round(dy / grid.minuteHeight / grid.snapMinutes) * grid.snapMinutes
                            }
                            onReleased: {
                                const shift = block.dragDays * 1440 + block.dragMinutes
                                block.dragDays = 0
                                block.dragMinutes = 0
                                if (moved && shift !== 0)
                                    grid.moveRequested(block.eventId, block.recurrenceId,
                                                       grid.controller.shiftLocal(block.start, shift),
                                                       grid.controller.shiftLocal(block.end, shift))
                                else if (!moved)
                                    grid.occurrenceChosen(block.eventId, block.recurrenceId, false)
                            }
                        }
                        MouseArea {
                            id: resizer
                            objectName: "resizeHandle"
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.bottom: parent.bottom
                            height: 6
                            cursorShape: Qt.SizeVerCursor
                            preventStealing: true
                            property real originY
                            onPressed: mouse => originY = mapToItem(canvas, mouse.x, mouse.y).y
                            onPositionChanged: mouse => {
                                const dy = mapToItem(canvas, mouse.x, mouse.y).y - originY
                                const minutes = Math.round(dy / grid.minuteHeight / grid.snapMinutes) * grid.snapMinutes
                                // At least one step long.
                                block.resizeMinutes = Math.max(grid.snapMinutes - (block.endMinute - block.startMinute), minutes)
                            }
                            onReleased: {
                                const change = block.resizeMinutes
                                block.resizeMinutes = 0
                                if (change !== 0)
                                    grid.moveRequested(block.eventId, block.recurrenceId, block.start,
                                                       grid.controller.shiftLocal(block.end, change))
                            }
                        }
                    }
                }

                // Now, in today's column.
                Rectangle {
                    id: nowLine
                    objectName: "nowLine"
                    readonly property int todayIndex: {
                        for (let i = 0; i < grid.days; ++i)
                            if (grid.dayAt(i) === grid.controller.today)
                                return i
                        return -1
                    }
                    property int minutes: new Date().getHours() * 60 + new Date().getMinutes()
                    visible: todayIndex >= 0
                    x: grid.gutter + todayIndex * grid.columnWidth
                    y: minutes * grid.minuteHeight
                    z: 20
                    width: grid.columnWidth
                    height: 2
                    color: "#e5484d"
                    Timer {
                        interval: 60000
                        running: nowLine.visible
                        repeat: true
                        onTriggered: nowLine.minutes = new Date().getHours() * 60 + new Date().getMinutes()
                    }
                }
            }
        }
    }
}
