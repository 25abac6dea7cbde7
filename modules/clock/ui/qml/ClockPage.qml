import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaClock
import ManaControls

// Clock's page (docs/clock.md), laid out like GNOME Clocks: four tabs,
// World, Alarms, Stopwatch and Timers. A ringing alarm shows a banner with
// Snooze and Dismiss on every tab, a finished timer a banner with OK.
// Keys (when no text field has the focus): 1–4 the tabs; on the Stopwatch
// tab Space starts/pauses, Enter or L laps, Delete or Backspace resets;
// Ctrl+N adds in the open tab (the shell calls createNew).
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#64748B"
    property string language: "en"
    property string selectedId: ""
    // "world", "alarms", "stopwatch" or "timers"
    property string tab: "world"
    readonly property var tabNames: ["world", "alarms", "stopwatch", "timers"]
    readonly property alias controller: controller
    // The header's New button names what Ctrl+N makes here; the stopwatch
    // has no records, so there it makes an alarm.
    readonly property string primaryCollection: tab === "world" ? "worldClocks"
                                               : tab === "timers" ? "timers" : "alarms"

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)

    function presets() {
        return {}
    }
    function createNew() {
        if (tab === "world") {
            zoneDialog.openSearch()
        } else if (tab === "timers") {
            timerDialog.openNew()
        } else {
            tab = "alarms"
            alarmDialog.openNew()
        }
    }
    // "world", "alarms", "stopwatch", "timers", "new" (in the open tab),
    // "record/<collection>/<id>" (Ctrl+K: the tab, an alarm's dialog).
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "record") {
            tab = parts[1] === "worldClocks" ? "world" : parts[1] === "timers" ? "timers" : "alarms"
            selectedId = parts[2] || ""
            if (parts[1] === "alarms" && selectedId !== "")
                Qt.callLater(() => alarmDialog.openEdit(selectedId))
        } else if (tabNames.indexOf(parts[0]) >= 0) {
            tab = parts[0]
            if (parts[1] === "new")
                Qt.callLater(createNew)
        } else if (parts[0] === "new" || parts[0] === "first") {
            if (parts[0] === "new")
                Qt.callLater(createNew)
        }
    }
    function alarmTitle(alarm) {
        return alarm.label && alarm.label !== "" ? alarm.label : qsTr("Alarm")
    }

    // A click on a tab sets TabBar's index itself, which ends a binding.
    onTabChanged: tabBar.currentIndex = tabNames.indexOf(tab)
    focus: true
    Keys.onPressed: event => {
        if (event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))
            return
        const index = [Qt.Key_1, Qt.Key_2, Qt.Key_3, Qt.Key_4].indexOf(event.key)
        if (index >= 0) {
            tab = tabNames[index]
            event.accepted = true
            return
        }
        if (tab !== "stopwatch")
            return
        if (event.key === Qt.Key_Space) {
            controller.startOrPauseStopwatch()
            event.accepted = true
        } else if (event.key === Qt.Key_L || event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            controller.lapStopwatch()
            event.accepted = true
        } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
            if (!controller.stopwatchRunning)
                controller.resetStopwatch()
            event.accepted = true
        }
    }

    ClockController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        language: page.language
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabBar
            objectName: "clockTabs"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 12
            currentIndex: page.tabNames.indexOf(page.tab)
            background: Item {}
            // A click on a tab keeps the keys with the page (Space is the
            // stopwatch's, not the tab button's).
            onCurrentIndexChanged: page.forceActiveFocus()
            Repeater {
                model: [qsTr("World"), qsTr("Alarms"), qsTr("Stopwatch"), qsTr("Timers")]
                TabButton {
                    id: tabButton
                    required property string modelData
                    required property int index
                    objectName: "clockTab_" + page.tabNames[index]
                    text: modelData
                    width: Math.max(110, implicitWidth + 24)
                    focusPolicy: Qt.NoFocus
                    onClicked: page.tab = page.tabNames[index]
                    contentItem: Label {
                        text: tabButton.text
                        horizontalAlignment: Text.AlignHCenter
                        color: tabButton.checked ? Theme.text : Theme.mutedText
                        font.bold: tabButton.checked
                        font.pixelSize: 15
                    }
                    background: Rectangle {
                        radius: 6
                        color: tabButton.hovered ? Theme.hover : "transparent"
                        Rectangle {
                            anchors.bottom: parent.bottom
                            anchors.left: parent.left
                            anchors.right: parent.right
                            height: 3
                            radius: 1.5
                            visible: tabButton.checked
                            color: page.accentColor
                        }
                    }
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Press %1").arg(index + 1)
                }
            }
        }

        RingingBanner {
            objectName: "ringingBanner"
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            Layout.topMargin: 8
            controller: controller
            accentColor: page.accentColor
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: page.tabNames.indexOf(page.tab)

            WorldTab {
                controller: controller
                accentColor: page.accentColor
                onAddRequested: zoneDialog.openSearch()
                onDeleteRequested: (id, title) => page.deleteRequested(id, title, "worldClocks")
            }
            AlarmsTab {
                controller: controller
                accentColor: page.accentColor
                onAddRequested: alarmDialog.openNew()
                onEditRequested: id => alarmDialog.openEdit(id)
                onDeleteRequested: (id, title) => page.deleteRequested(id, title, "alarms")
            }
            StopwatchTab {
                controller: controller
                accentColor: page.accentColor
            }
            TimersTab {
                controller: controller
                accentColor: page.accentColor
                onAddRequested: timerDialog.openNew()
                onDeleteRequested: (id, title) => page.deleteRequested(id, title, "timers")
            }
        }
    }

    ZoneSearchDialog {
        id: zoneDialog
        objectName: "zoneSearchDialog"
        controller: controller
        onClosed: page.forceActiveFocus()
    }
    AlarmDialog {
        id: alarmDialog
        objectName: "alarmDialog"
        controller: controller
        accentColor: page.accentColor
        onClosed: page.forceActiveFocus()
    }
    TimerDialog {
        id: timerDialog
        objectName: "timerDialog"
        controller: controller
        onClosed: page.forceActiveFocus()
    }
}
