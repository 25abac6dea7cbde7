import QtQuick
import QtQuick.Controls
import QtTest
import ManaCalendar
import ManaShell
import ManaShellCore

// Calendar's page as a person uses it, on the guest's seeded profile: drag
// over free time in the week view and name the event; drag an event to move
// it and its lower edge to make it longer; a repeating event asks which
// occurrences a move means; keys switch views and days; the dialog's
// typed drafts (eventDraft) are filled in QML and passed back.
TestCase {
    id: testCase
    name: "Calendar"
    when: windowShown
    visible: true
    width: 1280
    height: 860

    Component {
        id: shellComponent
        Shell {
            width: 1280
            height: 860
            shell: testShell
            settings: testSettings
        }
    }

    function openCalendar(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("calendar/" + place))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        const page = view.currentPage.ownPage
        tryVerify(() => findChild(page, "timeGrid") !== null || page.view !== CalendarController.Week)
        return page
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i) {
            const c = text.charAt(i)
            if (c === " ")
                keyClick(Qt.Key_Space)
            else
                keyClick(c)
        }
    }
    function timedRows(page, title) {
        const model = page.occurrences
        const rows = []
        for (let i = 0; i < model.count; ++i) {
            const index = model.index(i, 0)
            if (model.data(index, Qt.UserRole + 1) === "timed" && model.data(index, Qt.UserRole + 9) === title)
                rows.push({ day: model.data(index, Qt.UserRole + 2), top: model.data(index, Qt.UserRole + 7), bottom: model.data(index, Qt.UserRole + 8) })
        }
        return rows
    }
    // A drag as the mouse does it: positions fixed in the grid, while the
    // dragged block itself moves under the pointer (QtTest's mouseDrag
    // measures every step from the item's current place).
    function dragInGrid(item, x, y, dx, dy) {
        let canvas = item.parent
        while (canvas.objectName !== "gridCanvas")
            canvas = canvas.parent
        const from = item.mapToItem(canvas, x, y)
        mousePress(canvas, from.x, from.y)
        mouseMove(canvas, from.x + dx / 4, from.y + dy / 4)
        mouseMove(canvas, from.x + dx / 2, from.y + dy / 2)
        mouseMove(canvas, from.x + dx, from.y + dy)
        mouseRelease(canvas, from.x + dx, from.y + dy)
    }
    function todayIndex(page) {
        for (let i = 0; i < 7; ++i)
            if (page.controller.addDays(page.occurrences.firstDay, i) === page.controller.today)
                return i
        return -1
    }

    function test_dragOverFreeSlotCreatesAnEvent() {
        const page = openCalendar("week/today")
        page.selectedDay = page.controller.today
        const grid = findChild(page, "calendarView").item
        const area = findChild(page, "freeSlotArea")
        verify(area)
        tryVerify(() => area.width > 0)
        const day = todayIndex(page)
        verify(day >= 0)
        const x = day * grid.columnWidth + grid.columnWidth / 2
        // 08:00 to 09:30, a free stretch of the seeded day.
        mouseDrag(area, x, 8 * 60 * grid.minuteHeight + 2, 0, 90 * grid.minuteHeight)
        const dialog = findChild(page, "eventDialog")
        tryVerify(() => dialog.opened)
        compare(findChild(dialog, "eventStartTime").text, "08:00")
        compare(findChild(dialog, "eventEndTime").text, "09:30")
        typeText("Standup")
        mouseClick(findChild(dialog, "eventSaveButton"))
        tryVerify(() => timedRows(page, "Standup").length === 1)
        const row = timedRows(page, "Standup")[0]
        compare(row.day, day)
        compare(row.top, 8 * 60)
        compare(row.bottom, 9 * 60 + 30)
    }

    function test_dragMovesAndResizesAnEvent() {
        const page = openCalendar("week/today")
        page.selectedDay = page.controller.today
        tryVerify(() => timedRows(page, "Welcome to Calendar").length === 1)
        compare(timedRows(page, "Welcome to Calendar")[0].top, 12 * 60)
        const grid = findChild(page, "calendarView").item
        let block = findChild(page, "block_Welcome to Calendar")
        verify(block)
        // An hour down.
        dragInGrid(block, block.width / 2, 8, 0, 60 * grid.minuteHeight)
        tryVerify(() => timedRows(page, "Welcome to Calendar").length === 1
                  && timedRows(page, "Welcome to Calendar")[0].top === 13 * 60)
        compare(timedRows(page, "Welcome to Calendar")[0].bottom, 13 * 60 + 30)
        // Its lower edge 30 minutes further.
        block = findChild(page, "block_Welcome to Calendar")
        const handle = findChild(block, "resizeHandle")
        dragInGrid(handle, handle.width / 2, 3, 0, 30 * grid.minuteHeight)
        tryVerify(() => timedRows(page, "Welcome to Calendar")[0].bottom === 14 * 60)
        compare(timedRows(page, "Welcome to Calendar")[0].top, 13 * 60)
    }

    function test_movingARepeatingEventAsksForTheScope() {
        const page = openCalendar("week/today")
        page.selectedDay = page.controller.today
        tryVerify(() => timedRows(page, "Weekly review").length === 1)
        const before = timedRows(page, "Weekly review")[0]
        const grid = findChild(page, "calendarView").item
        const block = findChild(page, "block_Weekly review")
        dragInGrid(block, block.width / 2, 8, 0, -60 * grid.minuteHeight)
        const scope = findChild(page, "scopeDialog")
        tryVerify(() => scope.opened)
        mouseClick(findChild(scope, "scopeThis"))
        tryVerify(() => timedRows(page, "Weekly review").length === 1
                  && timedRows(page, "Weekly review")[0].top === before.top - 60)
        // Only this week's occurrence moved: next week keeps the series' time.
        page.selectedDay = page.controller.addDays(page.controller.today, 7)
        tryVerify(() => timedRows(page, "Weekly review").length === 1
                  && timedRows(page, "Weekly review")[0].top === before.top)
    }

    // The period's title is whole beside the buttons in the window's
    // default width (1120), in both languages, also for a week across
    // two years, the longest title there is.
    function test_periodTitleIsNotCut() {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase, { width: 1120 })
        verify(view.openModuleById("calendar/week"))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        const page = view.currentPage.ownPage
        const title = findChild(page, "periodTitle")
        for (const language of ["en", "de"]) {
            page.language = language
            for (const day of ["2026-11-30", "2027-12-29", "2027-09-22"]) {
                page.selectedDay = day
                for (const shown of [CalendarController.Month, CalendarController.Week,
                                     CalendarController.Day, CalendarController.Agenda]) {
                    page.view = shown
                    verify(!title.truncated, language + " " + day + " " + shown + ": " + title.text)
                }
            }
        }
        page.language = "en"
    }

    function test_keysSwitchViewsAndDays() {
        const page = openCalendar("week/today")
        page.forceActiveFocus()
        const today = page.controller.today
        keyClick(Qt.Key_1)
        compare(page.view, CalendarController.Month)
        tryVerify(() => findChild(page, "monthCell_" + today) !== null)
        // The seeded events of today as the month cell's chips.
        tryVerify(() => findChild(page, "monthCell_" + today).pieces.length > 0)
        compare(typeof findChild(page, "monthCell_" + today).pieces[0].eventId, "string")
        keyClick(Qt.Key_Right)
        compare(page.selectedDay, page.controller.addDays(today, 1))
        keyClick(Qt.Key_Down)
        compare(page.selectedDay, page.controller.addDays(today, 8))
        keyClick(Qt.Key_T)
        compare(page.selectedDay, today)
        keyClick(Qt.Key_4)
        compare(page.view, CalendarController.Agenda)
        tryVerify(() => findChild(page, "agendaList") !== null)
        // The agenda's days hold the model's typed pieces.
        const agenda = findChild(page, "agendaView").item
        tryVerify(() => agenda.busyDays.length > 0)
        verify(agenda.busyDays[0].pieces.length > 0)
        verify(agenda.busyDays[0].pieces[0].title !== "")
        tryVerify(() => findChild(page, "agendaList").count > 0)
        keyClick(Qt.Key_3)
        compare(page.view, CalendarController.Day)
        compare(page.occurrences.days, 1)
        keyClick(Qt.Key_2)
        compare(page.view, CalendarController.Week)
        compare(page.occurrences.days, 7)
    }

    // Qt 6.4 makes value types in C++ only: a draft from the controller,
    // its properties set in a `let` and in a `property var`, passed back
    // and read back equal; the choices are typed lists a ComboBox takes.
    property var heldDraft
    function test_draftsAreFilledInQmlAndReadBack() {
        const page = openCalendar("week/today")
        const controller = page.controller
        let draft = controller.newDraft("2027-03-26", 9 * 60, 10 * 60, false)
        compare(draft.start, "2027-03-26T09:00")
        compare(draft.end, "2027-03-26T10:00")
        compare(draft.reminders.length, 1)
        compare(draft.reminders[0], 10)
        draft.title = "Dentist"
        draft.location = "Main street 1"
        draft.description = "Bring the card"
        draft.end = "2027-03-26T10:30"
        draft.reminders = [15, 60]
        const id = controller.createEvent(draft)
        verify(id !== "", controller.error)
        const back = controller.draftOf(id, "")
        compare(back.eventId, id)
        compare(back.title, "Dentist")
        compare(back.location, "Main street 1")
        compare(back.description, "Bring the card")
        compare(back.start, "2027-03-26T09:00")
        compare(back.end, "2027-03-26T10:30")
        compare(back.allDay, false)
        compare(back.recurring, false)
        compare(back.calendarId, controller.defaultCalendarId)
        compare(Array.from(back.reminders), [15, 60])

        // Held in a property, changed and written in a scope (a plain
        // event ignores it).
        heldDraft = controller.draftOf(id, "")
        heldDraft.title = "Dentist (check-up)"
        heldDraft.allDay = true
        heldDraft.start = "2027-03-27"
        heldDraft.end = "2027-03-28"
        verify(controller.updateOccurrence(id, "", heldDraft, CalendarController.ThisEvent), controller.error)
        const changed = controller.draftOf(id, "")
        compare(changed.title, "Dentist (check-up)")
        compare(changed.allDay, true)
        compare(changed.start, "2027-03-27")
        compare(changed.end, "2027-03-28")

        const repeats = controller.repeatChoices("2027-03-25", "")
        compare(repeats.length, 6)
        compare(repeats[3].rule, "FREQ=WEEKLY;BYDAY=TH")
        compare(repeats.find(choice => choice.rule === "FREQ=DAILY").text, "Every day")
        const reminders = controller.reminderChoices()
        compare(reminders[0].minutes, -1)
        compare(controller.periodDays(CalendarController.Month), 42)
        compare(controller.periodStart("2027-03-25", CalendarController.Week), "2027-03-21")
    }

    // The dialog on an occurrence of a weekly series: its fields from the
    // draft, the repeat box on the series' rule; a new title saved for
    // "this and the following events" renames the later weeks only.
    function test_dialogChangesAnOccurrenceInTheChosenScope() {
        const page = openCalendar("week/today")
        const controller = page.controller
        let weekly = controller.newDraft(controller.today, 6 * 60, 6 * 60 + 30, false)
        weekly.title = "Standing call"
        weekly.recurrenceRule = "FREQ=WEEKLY"
        const series = controller.createEvent(weekly)
        verify(series !== "", controller.error)
        page.selectedDay = controller.addDays(controller.today, 7)
        tryVerify(() => timedRows(page, "Standing call").length === 1)
        const model = page.occurrences
        let recurrenceId = ""
        for (let i = 0; i < model.count; ++i) {
            const index = model.index(i, 0)
            if (model.data(index, Qt.UserRole + 9) === "Standing call")
                recurrenceId = model.data(index, Qt.UserRole + 14)
        }
        verify(recurrenceId !== "")
        page.openOccurrence(series, recurrenceId, false)
        const dialog = findChild(page, "eventDialog")
        tryVerify(() => dialog.opened)
        const title = findChild(dialog, "eventTitleField")
        compare(title.text, "Standing call")
        compare(findChild(dialog, "eventStartTime").text, "06:00")
        compare(findChild(dialog, "eventRepeatBox").currentValue, "FREQ=WEEKLY")
        compare(findChild(dialog, "eventReminderBox").currentValue, 10)
        title.selectAll()
        typeText("Retro")
        mouseClick(findChild(dialog, "eventSaveButton"))
        const scope = findChild(page, "scopeDialog")
        tryVerify(() => scope.opened)
        mouseClick(findChild(scope, "scopeFollowing"))
        tryVerify(() => timedRows(page, "Retro").length === 1)
        compare(timedRows(page, "Standing call").length, 0)
        page.selectedDay = controller.addDays(controller.today, 14)
        tryVerify(() => timedRows(page, "Retro").length === 1)
        page.selectedDay = controller.today
        tryVerify(() => timedRows(page, "Standing call").length === 1)
        compare(timedRows(page, "Retro").length, 0)
    }

    // The month view is made, hidden, after the page's first frame, its
    // model read once: switching to it shows today's pieces at once.
    // Clicking a line opens its event, double-clicking a day a new all-day
    // event there, "+N more" the day.
    function test_monthViewMadeAheadAndClicked() {
        const page = openCalendar("week/today")
        const controller = page.controller
        const today = controller.today
        const loader = findChild(page, "monthView")
        tryVerify(() => loader.item !== null && loader.item.occurrences.revision > 0)
        verify(!loader.visible)
        compare(page.view, CalendarController.Week)
        page.view = CalendarController.Month
        const cell = findChild(page, "monthCell_" + today)
        verify(cell)
        verify(cell.pieces.length > 0)
        verify(cell.pieces.some(piece => piece.title === "Welcome to Calendar"))
        compare(page.occurrences, loader.item.occurrences)

        const dialog = findChild(page, "eventDialog")
        mouseClick(cell, cell.width / 2, 27 + 9)
        tryVerify(() => dialog.opened)
        compare(findChild(dialog, "eventTitleField").text, cell.pieces[0].title)
        dialog.close()
        tryVerify(() => !dialog.opened)

        const other = findChild(page, "monthCell_" + controller.addDays(today, 1))
        mouseDoubleClickSequence(other, other.width / 2, other.height - 4)
        tryVerify(() => dialog.opened)
        compare(findChild(dialog, "eventTitleField").text, "")
        verify(findChild(dialog, "eventAllDayBox").checked)
        dialog.close()
        tryVerify(() => !dialog.opened)

        // Enough events today for "+N more", which opens the day.
        for (let i = 0; i < 8; ++i) {
            let draft = controller.newDraft(today, 13 * 60 + i, 13 * 60 + 30, false)
            draft.title = "Extra " + i
            verify(controller.createEvent(draft) !== "", controller.error)
        }
        tryVerify(() => cell.total > cell.shown)
        const more = Array.from(cell.children).find(child => child.objectName === "moreLabel")
        verify(more.visible)
        mouseClick(cell, 10, more.y + 6)
        compare(page.view, CalendarController.Day)
        compare(page.selectedDay, today)
    }

    // Shown before it was made ahead, the month view is made at once.
    function test_monthViewShownBeforeMadeAhead() {
        const page = openCalendar("month/today")
        const loader = findChild(page, "monthView")
        verify(loader.item !== null)
        tryVerify(() => findChild(page, "monthCell_" + page.controller.today).pieces.length > 0)
        page.view = CalendarController.Week
        page.view = CalendarController.Month
        verify(loader.item !== null)
    }
}
