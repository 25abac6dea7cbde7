import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaTodo

// Todo's page as a person uses it: a task typed into the quick-add field of
// Today appears in Today (and is due today), the circle completes it, the
// board view shows the columns of the seed with their counts, the Undo bar
// brings back a project deleted with its tasks, and the typed API (counts,
// projects, labels, boards and columns, the repetition picker, quick add
// with a TaskView) works from QML on this Qt. No test may cause a binding
// loop (init).
TestCase {
    id: testCase
    name: "Todo"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    // A binding loop fails the test that caused it (the board's column
    // counts had one: LiveQueryModel's first read of matchCount emits its
    // change signal inside the reading binding).
    function init() {
        failOnWarning(/Binding loop detected/)
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

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }

    function openTodo(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("todo/" + place))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        return view
    }

    function titlesOf(list) {
        const titles = []
        for (let i = 0; i < list.count; ++i)
            titles.push(list.itemAtIndex(i) ? list.itemAtIndex(i).title : "")
        return titles
    }

    function test_quickAddInTodayAppearsInToday() {
        const view = openTodo("today")
        const todo = view.currentPage.ownPage
        compare(findChild(todo, "todoViewTitle").text, "Today")
        const list = findChild(todo, "taskList")
        verify(list)
        const before = list.count

        const field = findChild(todo, "quickAddField")
        mouseClick(field)
        tryVerify(() => field.activeFocus)
        typeText("Call the dentist")
        keyClick(Qt.Key_Return)

        tryCompare(list, "count", before + 1)
        tryVerify(() => titlesOf(list).indexOf("Call the dentist") >= 0)
        compare(field.text, "")
        const row = list.itemAtIndex(titlesOf(list).indexOf("Call the dentist"))
        compare(row.dueText, "Today")
        compare(row.overdue, false)
    }

    function test_circleCompletesAndCompletedShowsIt() {
        const view = openTodo("inbox")
        const todo = view.currentPage.ownPage
        const list = findChild(todo, "taskList")
        tryVerify(() => titlesOf(list).indexOf("Click the circle to complete me") >= 0)
        const row = list.itemAtIndex(titlesOf(list).indexOf("Click the circle to complete me"))
        mouseClick(findChild(row, "completeButton"))
        tryVerify(() => titlesOf(list).indexOf("Click the circle to complete me") < 0)

        todo.openView("completed")
        const completed = findChild(todo, "taskList")
        tryVerify(() => titlesOf(completed).indexOf("Click the circle to complete me") >= 0)
        // Clicking again reopens it.
        const done = completed.itemAtIndex(titlesOf(completed).indexOf("Click the circle to complete me"))
        mouseClick(findChild(done, "completeButton"))
        tryVerify(() => titlesOf(completed).indexOf("Click the circle to complete me") < 0)
    }

    function test_boardShowsSeedColumns() {
        const view = openTodo("board")
        const todo = view.currentPage.ownPage
        tryVerify(() => findChild(todo, "taskBoard") !== null)
        const board = findChild(todo, "taskBoard")
        compare(board.columns.length, 2)
        compare(board.columns[0].id, "todo")
        compare(board.columns[0].title, "To do")
        compare(board.columns[1].title, "Done")
        const controller = todo.controller
        compare(controller.boards.length, 2)
        compare(controller.boards[0].id, board.boardId)
        compare(controller.boards[0].name, "Kanban")
        compare(controller.boards[1].icon, "flag")
        compare(controller.boardColumns("no-such-board").length, 0)
        // Each column counts every task it holds (fewer than a page here).
        for (let i = 0; i < 2; ++i) {
            const column = findChild(board, "boardColumn_" + i)
            verify(column)
            const cards = findChild(column, "boardCards")
            tryCompare(findChild(column, "columnCount"), "text", String(cards.count))
            compare(cards.model.matchCount, cards.count)
        }
        verify(findChild(findChild(board, "boardColumn_0"), "boardCards").count > 0)
    }

    // Projects, labels and boards are typed entries: their fields as
    // written, the open tasks counted; the navigation and the task's
    // project box show them.
    function test_projectsAndLabelsAreTyped() {
        const view = openTodo("inbox")
        const todo = view.currentPage.ownPage
        const controller = todo.controller
        const projectId = controller.createProject("Garden", "#10B981")
        verify(projectId !== "")
        const taskId = controller.quickAdd("Dig the beds", TaskView.Project, projectId)
        verify(taskId !== "")
        tryVerify(() => controller.projects.some(p => p.id === projectId && p.openCount === 1))
        const project = controller.projects.find(p => p.id === projectId)
        compare(project.name, "Garden")
        compare(project.color, "#10B981")
        compare(project.isArchived, false)
        compare(project.nonsense, undefined)
        const labelId = controller.createLabel("outside", "")
        verify(labelId !== "")
        tryVerify(() => controller.labels.some(l => l.id === labelId))
        const label = controller.labels.find(l => l.id === labelId)
        compare(label.name, "outside")
        compare(label.color, "")

        const entry = findChild(todo, "navProject_" + projectId)
        verify(entry)
        compare(entry.text, "Garden")
        compare(entry.count, 1)
        todo.selectedId = taskId
        const projectBox = findChild(todo, "projectBox")
        tryVerify(() => projectBox && projectBox.currentText === "Garden")
        // The delete dialog keeps the entry's typed project.
        const dialog = findChild(todo, "deleteProjectDialog")
        dialog.openFor(entry.modelData)
        tryVerify(() => dialog.opened)
        compare(dialog.title, "Delete “Garden”?")
        compare(dialog.taskCount, 1)
        dialog.remove(true)
        tryVerify(() => !controller.projects.some(p => p.id === projectId))
        verify(controller.deleteLabel(labelId))
    }

    // Deleting a project with its tasks is one undo step: the shell's bar
    // says so, and its button brings back the project and every task.
    function test_undoBarBringsBackADeletedProject() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        const projectId = controller.createProject("Move house", "")
        verify(projectId !== "")
        verify(controller.quickAdd("Pack books", TaskView.Project, projectId) !== "")
        verify(controller.quickAdd("Call movers", TaskView.Project, projectId) !== "")
        compare(controller.projectTaskCount(projectId), 2)

        verify(controller.deleteProject(projectId, true))
        compare(controller.projectTaskCount(projectId), 0)
        verify(!controller.projects.some(p => p.id === projectId))
        const bar = findChild(view.currentPage, "undoBar")
        tryVerify(() => bar.visible)
        compare(bar.message, "Project “Move house” deleted")
        mouseClick(findChild(bar, "undoButton"))
        tryVerify(() => !bar.visible)
        tryVerify(() => controller.projects.some(p => p.id === projectId))
        compare(controller.projectTaskCount(projectId), 2)
    }

    // .ics import (docs/todo.md, "Import and export"): the side bar's
    // buttons open the chooser from the keyboard; a file's tasks arrive in
    // the project its list names, the result line says how many, a second
    // import updates instead of doubling, the Undo bar takes the import
    // back, and a broken file names its line and imports nothing.
    function test_icsImportFromTheSideBar() {
        const view = openTodo("inbox")
        const todo = view.currentPage.ownPage
        const controller = todo.controller
        const importButton = findChild(todo, "todoImportButton")
        verify(importButton && importButton.visible)
        verify(findChild(todo, "todoExportButton").visible)
        // Keyboard: the button takes focus from Tab and opens with Space.
        importButton.forceActiveFocus(Qt.TabFocusReason)
        verify(importButton.activeFocus)
        keyClick(Qt.Key_Space)
        const chooser = findChild(todo, "todoIcsChooser")
        tryVerify(() => chooser.opened)
        const target = findChild(chooser.contentItem, "todoIcsTarget")
        tryVerify(() => target.activeFocus)
        compare(target.currentText, "The projects the file names")
        keyClick(Qt.Key_Escape)
        tryVerify(() => !chooser.visible)

        const finished = createTemporaryObject(signalSpyComponent, testCase,
                                               { target: controller, signalName: "importFinished" })
        const file = Qt.resolvedUrl("../modules/todo/data/apple-reminders.ics")
        controller.importFile(file, IcsImportInto.FileProjects, "")
        finished.wait(5000)
        compare(finished.signalArguments[0][0], true)
        const result = findChild(todo, "todoFileResult")
        tryCompare(result, "text", "2 tasks imported, 0 updated.")
        const groceries = controller.projects.find(p => p.name === "Groceries")
        verify(groceries)
        compare(groceries.openCount, 1) // "Return the bottles" is done
        const bar = findChild(view.currentPage, "undoBar")
        tryVerify(() => bar.visible)
        compare(bar.message, "2 tasks imported, 0 updated")

        controller.importFile(file, IcsImportInto.FileProjects, "")
        tryCompare(finished, "count", 2)
        tryCompare(result, "text", "0 tasks imported, 0 updated.")
        compare(controller.projectTaskCount(groceries.id), 2)

        controller.importFile(Qt.resolvedUrl("../modules/todo/data/broken-due.ics"), IcsImportInto.Inbox, "")
        tryCompare(finished, "count", 3)
        compare(finished.signalArguments[2][0], false)
        tryCompare(result, "text", "Line 5: the due date \"20261301T100000Z\" is not a date. Nothing was imported.")
        compare(controller.projectTaskCount(groceries.id), 2)
        // One task: the sentence in the singular.
        controller.importFile(Qt.resolvedUrl("../modules/todo/data/nextcloud-tasks.ics"), IcsImportInto.Inbox, "")
        tryCompare(finished, "count", 4)
        tryCompare(result, "text", "1 task imported, 0 updated.")
    }

    function test_icsImportIsUndoneAsOne() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        const finished = createTemporaryObject(signalSpyComponent, testCase,
                                               { target: controller, signalName: "importFinished" })
        controller.importFile(Qt.resolvedUrl("../modules/todo/data/thunderbird.ics"), IcsImportInto.Inbox, "")
        finished.wait(5000)
        const inboxBefore = controller.counts.inbox
        const bar = findChild(view.currentPage, "undoBar")
        tryVerify(() => bar.visible)
        compare(bar.message, "3 tasks imported, 0 updated")
        mouseClick(findChild(bar, "undoButton"))
        tryVerify(() => !bar.visible)
        tryVerify(() => controller.counts.inbox === inboxBefore - 2) // two of the three are open
        verify(!controller.labels.some(l => l.name === "Reports"))
    }

    function test_icsPlacesOpenTheDialogs() {
        const view = openTodo("export")
        const chooser = findChild(view.currentPage.ownPage, "todoIcsChooser")
        tryVerify(() => chooser.opened)
        compare(findChild(chooser.contentItem, "todoIcsTarget").currentText, "All tasks")
        keyClick(Qt.Key_Escape)
        tryVerify(() => !chooser.visible)
    }

    Component {
        id: signalSpyComponent
        SignalSpy {}
    }

    Component {
        id: recurrenceComponent
        RecurrenceDialog {}
    }
    Component {
        id: taskModelComponent
        TodoTaskModel { view: TaskView.Today }
    }

    // The counts are numbers that follow a quick add. (`const c =
    // controller.counts` would not keep the old numbers: on 6.4 it refers
    // to the property and reads it anew.)
    function test_countsFollowQuickAdd() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        const inbox = controller.counts.inbox
        const today = controller.counts.today
        const upcoming = controller.counts.upcoming
        compare(typeof inbox, "number")
        verify(controller.quickAdd("Water the fern", TaskView.Today) !== "")
        tryCompare(controller.counts, "today", today + 1)
        compare(controller.counts.inbox, inbox + 1)
        verify(controller.quickAdd("Buy stamps", TaskView.Upcoming) !== "")
        tryCompare(controller.counts, "upcoming", upcoming + 1)
        compare(findChild(view.currentPage.ownPage, "navUpcoming").count, upcoming + 1)
    }

    // A picker from the controller, changed in a `let`, goes back to it.
    function test_recurrencePickerFromQml() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        let picker = controller.ruleToPicker("")
        compare(picker.frequency, Recurrence.DoesNotRepeat)
        compare(controller.pickerToRule(picker), "")
        picker.frequency = Recurrence.Weekly
        picker.weekdays = [1, 3]
        picker.end = Recurrence.EndsAfterCount
        picker.count = 4
        compare(controller.pickerToRule(picker), "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4")
        const back = controller.ruleToPicker("FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231")
        compare(back.frequency, Recurrence.Monthly)
        compare(back.monthlyMode, Recurrence.OnWeekday)
        compare(back.weekdayPosition, -1)
        compare(back.weekday, 5)
        compare(back.end, Recurrence.EndsOnDate)
        compare(back.until, "2027-12-31")
    }

    // The dialog's controls write the typed picker; Save stores its rule.
    function test_recurrenceDialogSavesTheRule() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        const id = controller.quickAdd("Water the plants", TaskView.Today)
        verify(id !== "")
        const dialog = createTemporaryObject(recurrenceComponent, testCase, { controller: controller })
        dialog.openFor(id, "FREQ=WEEKLY;BYDAY=MO")
        tryVerify(() => dialog.opened)
        const part = name => findChild(dialog.contentItem, name) || findChild(dialog.footer, name)
        verify(part("weekday_1").checked)
        verify(!part("weekday_3").checked)
        mouseClick(part("weekday_3"))
        verify(part("weekday_3").checked)
        compare(dialog.rule, "FREQ=WEEKLY;BYDAY=MO,WE")
        compare(part("recurrencePreview").text, "Every week on Monday and Wednesday")
        mouseClick(part("endCount"))
        compare(dialog.picker.end, Recurrence.EndsAfterCount)
        compare(dialog.rule, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
        mouseClick(part("saveRecurrence"))
        tryVerify(() => !dialog.visible)
        const tasks = createTemporaryObject(taskModelComponent, testCase, { store: controller.store })
        const record = () => tasks.data(tasks.index(tasks.indexOfId(id), 0), TodoTaskModel.RecordRole)
        tryVerify(() => record().recurrenceRule === "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
        // "Does not repeat" clears it.
        dialog.openFor(id, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
        tryVerify(() => dialog.opened)
        dialog.picker.frequency = Recurrence.DoesNotRepeat
        compare(dialog.rule, "")
        compare(part("recurrencePreview").text, "Does not repeat")
        mouseClick(part("saveRecurrence"))
        tryVerify(() => !dialog.visible)
        tryVerify(() => !record().recurrenceRule)
    }
}
