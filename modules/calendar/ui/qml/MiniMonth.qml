import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaCalendar
import ManaControls

// The small month in the side bar: today ringed, the chosen day filled,
// days of other months dimmed. Its arrows page months without changing the
// chosen day; a click chooses a day.
ColumnLayout {
    id: mini

    property var controller
    property string selectedDay
    property color accentColor
    // Any day of the month shown (yyyy-MM-dd); follows the chosen day.
    property string shownDay: selectedDay
    signal dayChosen(string day)

    onSelectedDayChanged: shownDay = selectedDay
    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "miniMonthTitle"
            Layout.fillWidth: true
            text: { mini.controller.language; return mini.controller.periodTitle(mini.shownDay, CalendarController.Month) }
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        ToolButton {
            text: "‹"
            implicitWidth: 28
            implicitHeight: 28
            Accessible.name: qsTr("Previous month")
            onClicked: mini.shownDay = mini.controller.addMonths(mini.shownDay, -1)
        }
        ToolButton {
            text: "›"
            implicitWidth: 28
            implicitHeight: 28
            Accessible.name: qsTr("Next month")
            onClicked: mini.shownDay = mini.controller.addMonths(mini.shownDay, 1)
        }
    }
    GridLayout {
        id: grid
        columns: 7
        rowSpacing: 0
        columnSpacing: 0
        Layout.fillWidth: true
        readonly property string month: mini.shownDay.substring(0, 7)

        Repeater {
            model: { mini.controller.language; return mini.controller.weekdayNames("narrow") }
            Label {
                required property string modelData
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: modelData
                font.pixelSize: 11
                color: Theme.mutedText
            }
        }
        Repeater {
            model: { mini.controller.language; return mini.controller.monthGrid(mini.shownDay) }
            AbstractButton {
                id: cell
                required property string modelData
                readonly property bool isToday: modelData === mini.controller.today
                readonly property bool isChosen: modelData === mini.selectedDay
                Layout.fillWidth: true
                implicitHeight: 28
                Accessible.name: modelData
                onClicked: mini.dayChosen(modelData)
                background: Rectangle {
                    anchors.centerIn: parent
                    width: 26
                    height: 26
                    radius: 13
                    color: cell.isChosen ? mini.accentColor : cell.hovered ? Theme.hover : "transparent"
                    border.width: cell.isToday && !cell.isChosen ? 1 : 0
                    border.color: mini.accentColor
                }
                contentItem: Label {
                    text: Number(cell.modelData.substring(8))
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: 12
                    font.bold: cell.isToday
                    color: cell.isChosen ? "#ffffff"
                         : cell.modelData.substring(0, 7) === grid.month ? Theme.text : Theme.mutedText
                }
            }
        }
    }
}
