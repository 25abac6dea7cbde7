import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaClock

// Clock's page as a person uses it: an alarm added through the dialog
// (time, days, label) appears in the list, the seeded timer starts and
// pauses, the stopwatch runs and laps by keys and buttons, 1–4 switch tabs.
// And the typed API on this Qt (6.4): a draft from the controller, changed
// in a `let`, a `property var` or a typed property, goes back to it.
TestCase {
    id: testCase
    name: "Clock"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    property var heldDraft
    property alarmDraft typedDraft
    readonly property int typedMinute: typedDraft.minute
    readonly property string typedDays: JSON.stringify(typedDraft.repeatDays)

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
        compare(JSON.stringify(row.modelData.repeatDays), "[1,3]")
        // The distance depends on the hour and weekday the test runs at
        // ("in 3 h", "tomorrow", "on Wednesday"; ringDistanceText has its
        // own cases in tst_clockcontroller), so only its presence counts.
        const days = findChild(row, "alarmDays").text
        verify(days.startsWith("Mon, Wed · ") && days.length > "Mon, Wed · ".length, days)

        // The switch turns it off in the store.
        mouseClick(findChild(row, "alarmSwitch"))
        tryVerify(() => list.itemAtIndex(rowIndexOf(list, r => r.modelData.time === "06:45")).modelData.enabled === false)
    }

    // Qt 6.4 has no `{…}` → value type: the controller makes the draft, QML
    // sets its fields and hands it back, from a `let`, a `property var` and
    // a typed property (whose bindings follow each field).
    function test_alarmDraftRoundTripFromQml() {
        const clock = openClock("alarms")
        const controller = clock.controller

        let draft = controller.newAlarmDraft()
        compare(draft.id, "")
        compare(draft.minute, 0)
        compare(draft.snoozeMinutes, 10)
        draft.hour = 5
        draft.minute = 20
        draft.repeatDays = [4, 2]
        draft.label = "from a let"
        draft.snoozeMinutes = 7
        const id = controller.addAlarm(draft)
        verify(id !== "", controller.lastError())
        let back = controller.alarmDraftOf(id)
        compare(back.id, id)
        compare(back.hour, 5)
        compare(back.minute, 20)
        compare(JSON.stringify(back.repeatDays), "[2,4]")
        compare(back.label, "from a let")
        compare(back.snoozeMinutes, 7)
        const entry = controller.alarms.find(a => a.id === id)
        compare(entry.time, "05:20")
        compare(entry.daysText, "Tue, Thu")

        heldDraft = controller.alarmDraftOf(id)
        heldDraft.label = "from a var"
        heldDraft.hour = 6
        verify(controller.updateAlarm(id, heldDraft))
        back = controller.alarmDraftOf(id)
        compare(back.label, "from a var")
        compare(back.hour, 6)
        compare(back.minute, 20)

        typedDraft = controller.alarmDraftOf(id)
        typedDraft.minute = 59
        compare(typedMinute, 59) // the binding followed the field
        typedDraft.repeatDays = typedDraft.repeatDays.concat([6])
        compare(typedDays, "[2,4,6]")
        verify(controller.updateAlarm(typedDraft.id, typedDraft))
        back = controller.alarmDraftOf(id)
        compare(back.minute, 59)
        compare(JSON.stringify(back.repeatDays), "[2,4,6]")

        // Refused: nothing written, the sentence says why.
        draft = controller.alarmDraftOf(id)
        draft.hour = 24
        verify(!controller.updateAlarm(id, draft))
        compare(controller.lastError(), "Choose a time between 00:00 and 23:59.")
        compare(controller.alarmDraftOf(id).hour, 6)
        compare(controller.alarmDraftOf("no such alarm").id, "")
    }

    // The day buttons follow a language switch made after the page (and its
    // dialog) were created: the shell sets the language after loading.
    function test_alarmDialogDaysFollowTheLanguage() {
        const clock = openClock("alarms")
        const dialog = findChild(clock, "alarmDialog")
        dialog.openNew()
        tryVerify(() => dialog.opened)
        compare(part(dialog, "alarmDay_1").text, "Mon")
        clock.language = "de"
        compare(part(dialog, "alarmDay_1").text, "Mo")
        compare(part(dialog, "alarmDay_0").text, "So")
        clock.language = "en"
        compare(part(dialog, "alarmDay_1").text, "Mon")
        dialog.close()
    }

    // The three time fields and their units fit inside the dialog.
    function test_timerDialogHoldsItsFields() {
        const clock = openClock("timers")
        const dialog = findChild(clock, "timerDialog")
        dialog.openNew()
        tryVerify(() => dialog.opened)
        const seconds = part(dialog, "timerSeconds")
        const right = seconds.mapToItem(dialog.contentItem, seconds.width, 0).x
        verify(right <= dialog.contentItem.width, right + " > " + dialog.contentItem.width)
        const label = part(dialog, "timerLabelField")
        verify(label.mapToItem(dialog.contentItem, label.width, 0).x <= dialog.contentItem.width + 0.5)
        dialog.close()
    }

    // Editing through the dialog shows the stored draft and saves changes.
    function test_editAlarmThroughTheDialog() {
        const clock = openClock("alarms")
        const controller = clock.controller
        let draft = controller.newAlarmDraft()
        draft.hour = 9
        draft.minute = 15
        draft.repeatDays = [1]
        draft.label = "stand-up"
        const id = controller.addAlarm(draft)
        verify(id !== "")
        const dialog = findChild(clock, "alarmDialog")
        dialog.openEdit(id)
        tryVerify(() => dialog.opened)
        compare(part(dialog, "alarmHours").value, 9)
        compare(part(dialog, "alarmMinutes").value, 15)
        compare(part(dialog, "alarmLabelField").text, "stand-up")
        compare(part(dialog, "alarmRepeatSummary").text, "Mon")
        mouseClick(part(dialog, "alarmDay_5"))
        compare(part(dialog, "alarmRepeatSummary").text, "Mon, Fri")
        part(dialog, "alarmMinutes").value = 30
        // Two clicks in a row here would count as a double click.
        wait(Qt.styleHints.mouseDoubleClickInterval + 50)
        mouseClick(part(dialog, "alarmSaveButton"))
        tryVerify(() => !dialog.visible)
        const back = controller.alarmDraftOf(id)
        compare(back.minute, 30)
        compare(JSON.stringify(back.repeatDays), "[1,5]")
        compare(back.label, "stand-up")
    }

    function test_worldClockInfoIsTyped() {
        const clock = openClock("world")
        const info = clock.controller.worldClockInfo("Asia/Tokyo", new Date(Date.UTC(2027, 6, 1, 10, 0)))
        verify(info.valid)
        compare(info.time, "19:00")
        compare(info.isDay, false)
        compare(info.isDst, false)
        verify(info.offsetText !== "")
        compare(clock.controller.worldClockInfo("Nowhere/Atlantis", new Date()).valid, false)
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
        tryVerify(() => list.itemAtIndex(index).modelData.status === TimerState.Running)
        row = list.itemAtIndex(index)
        compare(findChild(row, "timerStartButton").text, "Pause")
        tryCompare(findChild(row, "timerRemaining"), "text", "2:59", 3000)

        mouseClick(findChild(row, "timerStartButton"))
        tryVerify(() => list.itemAtIndex(index).modelData.status === TimerState.Paused)
        row = list.itemAtIndex(index)
        const paused = findChild(row, "timerRemaining").text
        wait(1200)
        compare(findChild(row, "timerRemaining").text, paused)
        compare(findChild(row, "timerStartButton").text, "Resume")

        mouseClick(findChild(row, "timerResetButton"))
        tryVerify(() => list.itemAtIndex(index).modelData.status === TimerState.Idle)
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
