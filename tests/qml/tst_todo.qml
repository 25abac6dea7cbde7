import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore

// Todo's page as a person uses it: a task typed into the quick-add field of
// Today appears in Today (and is due today), the circle completes it, the
// board view shows the columns of the seed, and the Undo bar brings back a
// project deleted with its tasks.
TestCase {
    id: testCase
    name: "Todo"
    when: windowShown
    visible: true
    width: 1120
    height: 720

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
        verify(findChild(board, "boardColumn_0"))
        verify(findChild(board, "boardColumn_1"))
    }

    // Deleting a project with its tasks is one undo step: the shell's bar
    // says so, and its button brings back the project and every task.
    function test_undoBarBringsBackADeletedProject() {
        const view = openTodo("inbox")
        const controller = view.currentPage.ownPage.controller
        const projectId = controller.createProject("Move house", "")
        verify(projectId !== "")
        verify(controller.quickAdd("Pack books", { view: "project", projectId: projectId }) !== "")
        verify(controller.quickAdd("Call movers", { view: "project", projectId: projectId }) !== "")
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
}
