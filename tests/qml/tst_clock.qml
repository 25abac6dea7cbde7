import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore

// Clock's page as a person uses it: an alarm added through the dialog
// (time, days, label) appears in the list, the seeded timer starts and
// pauses, the stopwatch runs and laps by keys and buttons, 1–4 switch tabs.
TestCase {
    id: testCase
    name: "Clock"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }

    function openClock(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("clock/" + place))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        return view.currentPage.ownPage
    }
    // A Popup's own findChild does not reach its content's Repeaters.
    function part(dialog, name) {
        return findChild(dialog.contentItem, name) || findChild(dialog.footer, name)
    }
    function rowIndexOf(list, predicate) {
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            if (item && predicate(item))
                return i
        }
        return -1
    }

    function test_addAlarmThroughTheDialog() {
        const clock = openClock("alarms")
        compare(clock.tab, "alarms")
        const list = findChild(clock, "alarmList")
        tryVerify(() => list.count >= 1) // the seeded alarm
        const before = list.count

        clock.forceActiveFocus()
        keySequence("Ctrl+N") // the shell's New: the page's own dialog
        const dialog = findChild(clock, "alarmDialog")
        tryVerify(() => dialog.opened)
        part(dialog, "alarmHours").value = 6
        part(dialog, "alarmMinutes").value = 45
        mouseClick(part(dialog, "alarmDay_1"))
        mouseClick(part(dialog, "alarmDay_3"))
        compare(part(dialog, "alarmRepeatSummary").text, "Mon, Wed")
        const label = part(dialog, "alarmLabelField")
        mouseClick(label)
        keyClick(Qt.Key_G); keyClick(Qt.Key_Y); keyClick(Qt.Key_M)
        mouseClick(part(dialog, "alarmSaveButton"))
        tryVerify(() => !dialog.visible)

        tryCompare(list, "count", before + 1)
        const index = rowIndexOf(list, row => row.modelData.time === "06:45")
        verify(index >= 0)
        const row = list.itemAtIndex(index)
        compare(row.modelData.label, "gym")
        compare(row.modelData.enabled, true)
        compare(row.modelData.repeatDays, [1, 3])
        verify(findChild(row, "alarmDays").text.startsWith("Mon, Wed · in "))

        // The switch turns it off in the store.
        mouseClick(findChild(row, "alarmSwitch"))
        tryVerify(() => list.itemAtIndex(rowIndexOf(list, r => r.modelData.time === "06:45")).modelData.enabled === false)
    }

    function test_timerStartsAndPauses() {
        const clock = openClock("timers")
        const list = findChild(clock, "timerList")
        tryVerify(() => list.count >= 1)
        const index = rowIndexOf(list, row => row.modelData.durationSeconds === 180)
        verify(index >= 0, "the seeded tea timer")
        let row = list.itemAtIndex(index)
        compare(findChild(row, "timerRemaining").text, "3:00")

        mouseClick(findChild(row, "timerStartButton"))
        tryVerify(() => list.itemAtIndex(index).modelData.status === "running")
        row = list.itemAtIndex(index)
        compare(findChild(row, "timerStartButton").text, "Pause")
        tryCompare(findChild(row, "timerRemaining"), "text", "2:59", 3000)

        mouseClick(findChild(row, "timerStartButton"))
        tryVerify(() => list.itemAtIndex(index).modelData.status === "paused")
        row = list.itemAtIndex(index)
        const paused = findChild(row, "timerRemaining").text
        wait(1200)
        compare(findChild(row, "timerRemaining").text, paused)
        compare(findChild(row, "timerStartButton").text, "Resume")

        mouseClick(findChild(row, "timerResetButton"))
        tryVerify(() => list.itemAtIndex(index).modelData.status === "idle")
        compare(findChild(list.itemAtIndex(index), "timerRemaining").text, "3:00")
    }

    function test_stopwatchRunsAndLaps() {
        const clock = openClock("stopwatch")
        const controller = clock.controller
        const time = findChild(clock, "stopwatchTime")
        compare(time.text, "00:00.00")
        clock.forceActiveFocus()

        keyClick(Qt.Key_Space)
        verify(controller.stopwatchRunning)
        tryVerify(() => time.text !== "00:00.00")
        keyClick(Qt.Key_L)
        wait(30)
        mouseClick(findChild(clock, "stopwatchLapButton"))
        compare(controller.laps.length, 2)
        compare(controller.laps[0].number, 2) // newest first
        tryCompare(findChild(clock, "lapList"), "count", 2)

        keyClick(Qt.Key_Space)
        verify(!controller.stopwatchRunning)
        const stopped = time.text
        wait(100)
        compare(time.text, stopped)
        keyClick(Qt.Key_Delete)
        compare(controller.laps.length, 0)
        tryCompare(time, "text", "00:00.00")
    }

    function test_numberKeysSwitchTabs() {
        const clock = openClock("world")
        clock.forceActiveFocus()
        keyClick(Qt.Key_2)
        compare(clock.tab, "alarms")
        keyClick(Qt.Key_4)
        compare(clock.tab, "timers")
        compare(clock.primaryCollection, "timers")
        keyClick(Qt.Key_1)
        compare(clock.tab, "world")
        compare(clock.primaryCollection, "worldClocks")
        // The seeded world clocks with their offsets.
        const list = findChild(clock, "worldClockList")
        tryVerify(() => list.count >= 2)
        verify(findChild(list.itemAtIndex(0), "worldClockTime").text.match(/^\d\d:\d\d$/))
    }

    function test_addWorldClockThroughTheSearch() {
        const clock = openClock("world")
        const list = findChild(clock, "worldClockList")
        tryVerify(() => list.count >= 2)
        const before = list.count
        clock.createNew()
        const dialog = findChild(clock, "zoneSearchDialog")
        tryVerify(() => dialog.opened)
        const field = part(dialog, "zoneSearchField")
        tryVerify(() => field.activeFocus)
        keyClick(Qt.Key_B); keyClick(Qt.Key_E); keyClick(Qt.Key_R); keyClick(Qt.Key_L)
        tryVerify(() => dialog.results.length > 0)
        compare(dialog.results[0].zoneId, "Europe/Berlin")
        keyClick(Qt.Key_Return)
        tryVerify(() => !dialog.visible)
        tryCompare(list, "count", before + 1)
        verify(rowIndexOf(list, row => row.modelData.cityName === "Berlin") >= 0)
    }
}
