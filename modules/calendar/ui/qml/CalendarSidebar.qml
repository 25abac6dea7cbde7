import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// The side bar: the mini month, the calendars (a tick shows or hides one,
// the star marks the default for new events), Todo's tasks, import and
// export.
Rectangle {
    id: sidebar

    property var controller
    property string selectedDay
    property color accentColor
    signal dayChosen(string day)
    signal newCalendarRequested
    signal editCalendarRequested(var record)
    signal importRequested
    signal exportRequested

    color: Theme.surface

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10

        MiniMonth {
            Layout.fillWidth: true
            controller: sidebar.controller
            selectedDay: sidebar.selectedDay
            accentColor: sidebar.accentColor
            onDayChosen: day => sidebar.dayChosen(day)
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 6
            Label {
                Layout.fillWidth: true
                text: qsTr("Calendars")
                font.bold: true
                color: Theme.mutedText
            }
            ToolButton {
                objectName: "newCalendarButton"
                text: "+"
                implicitWidth: 28
                implicitHeight: 28
                Accessible.name: qsTr("New calendar")
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("New calendar")
                onClicked: sidebar.newCalendarRequested()
            }
        }
        ListView {
            id: calendarList
            objectName: "calendarList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 240)
            clip: true
            model: sidebar.controller.calendars
            delegate: ItemDelegate {
                id: row
                required property string calendarId
                required property string name
                required property string color
                required property bool isVisible
                required property bool isDefault
                width: ListView.view.width
                height: 32
                padding: 4
                onDoubleClicked: sidebar.editCalendarRequested({ id: calendarId, name: name, color: color })
                contentItem: RowLayout {
                    spacing: 8
                    CheckBox {
                        objectName: "calendarVisible_" + row.name
                        padding: 0
                        implicitWidth: 20
                        implicitHeight: 20
                        checked: row.isVisible
                        Accessible.name: qsTr("Show %1").arg(row.name)
                        onToggled: sidebar.controller.setCalendarVisible(row.calendarId, checked)
                        indicator: Rectangle {
                            implicitWidth: 16
                            implicitHeight: 16
                            radius: 4
                            color: parent.checked ? row.color : "transparent"
                            border.width: 2
                            border.color: row.color
                            Label {
                                anchors.centerIn: parent
                                visible: parent.parent.checked
                                text: "✓"
                                font.pixelSize: 11
                                color: "#ffffff"
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.name
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    ToolButton {
                        objectName: "defaultCalendar_" + row.name
                        text: row.isDefault ? "★" : "☆"
                        implicitWidth: 24
                        implicitHeight: 24
                        opacity: row.isDefault || row.hovered ? 1 : 0.35
                        Accessible.name: qsTr("Use for new events")
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: row.isDefault ? qsTr("New events go here") : qsTr("Use for new events")
                        onClicked: sidebar.controller.setDefaultCalendar(row.calendarId)
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: calendarList.count === 0
            text: qsTr("No calendars yet. Press + to make one, or import an .ics file.")
            wrapMode: Text.WordWrap
            color: Theme.mutedText
        }

        Switch {
            objectName: "showTasksSwitch"
            Layout.fillWidth: true
            text: qsTr("Show tasks from Todo")
            checked: sidebar.controller.showTasks
            onToggled: sidebar.controller.showTasks = checked
        }

        Item { Layout.fillHeight: true }

        Button {
            objectName: "importButton"
            Layout.fillWidth: true
            text: qsTr("Import .ics…")
            onClicked: sidebar.importRequested()
        }
        Button {
            objectName: "exportButton"
            Layout.fillWidth: true
            text: qsTr("Export .ics…")
            enabled: calendarList.count > 0
            onClicked: sidebar.exportRequested()
        }
    }
}
