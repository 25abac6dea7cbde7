import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaTodo
import ManaControls

// Todo's own page body: the views (Inbox, Today, Upcoming, Completed, each
// project, each label, each board) on the left, the open view with its
// quick-add field in the middle, the chosen task's details on the right.
Item {
    id: todo

    property ShellContext shell
    property color accentColor: "#8B5CF6"
    property string language: "en"
    // {view (TaskView), projectId, labelId, boardId, title}
    // The Inbox first: a new guest's welcome tasks are there.
    property var current: ({ view: TaskView.Inbox, projectId: "", labelId: "", boardId: "", title: qsTr("Inbox") })
    property string selectedId: ""
    readonly property alias controller: todoController
    readonly property alias quickAddField: quickAdd

    // The page contract of docs/modules.md: the shell deletes (with Undo)
    // and edits in its record form.
    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    // An action that wrote several records (a project with its tasks): the
    // shell's Undo bar shows `text` and undoes the step as one.
    signal undoOffered(int stepId, string text)

    // A fresh list per view: ListView keeps a row's section from the model
    // before a reset, which put Inbox's overdue header on Upcoming.
    function open(view) {
        listLoader.active = false
        current = view
        selectedId = ""
        listLoader.active = true
    }
    // "today", "upcoming", …, "board" (the first board), "import"/"export"
    // (the .ics dialogs), "first" (the open view's first task in the
    // details), or "<view>/first".
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "record") {
            // Found by Ctrl+K: a task's details, a project's or label's view.
            const id = parts[2]
            if (parts[1] === "tasks") {
                selectedId = id
            } else if (parts[1] === "projects" || parts[1] === "labels" || parts[1] === "boardViews") {
                const list = parts[1] === "projects" ? todoController.projects
                           : parts[1] === "labels" ? todoController.labels : todoController.boards
                const found = list.find(r => r.id === id)
                if (found && parts[1] === "projects")
                    open({ view: TaskView.Project, projectId: id, labelId: "", boardId: "", title: found.name })
                else if (found && parts[1] === "labels")
                    open({ view: TaskView.Label, projectId: "", labelId: id, boardId: "", title: "# " + found.name })
                else if (found)
                    open({ view: TaskView.Board, projectId: "", labelId: "", boardId: id, title: found.name })
            }
            return
        }
        if (parts[0] === "import" || parts[0] === "export") {
            // The .ics dialogs (tools/screenshots.sh, as Calendar's calendar/import).
            if (parts[0] === "import")
                navigation.openImport()
            else
                navigation.openExport()
            return
        }
        if (parts[0] === "board") {
            const boards = todoController.boards
            if (boards.length > 0)
                open({ view: TaskView.Board, projectId: "", labelId: "", boardId: boards[0].id, title: boards[0].name })
        } else if (parts[0] !== "first") {
            openView(parts[0])
        }
        if (parts[parts.length - 1] === "first")
            Qt.callLater(() => { if (listLoader.item && listLoader.item.firstTaskId) selectedId = listLoader.item.firstTaskId() })
    }
    // A fixed view by its place name: "inbox", "today", "upcoming", "completed".
    function openView(name) {
        const views = { inbox: TaskView.Inbox, today: TaskView.Today, upcoming: TaskView.Upcoming, completed: TaskView.Completed }
        const titles = { inbox: qsTr("Inbox"), today: qsTr("Today"), upcoming: qsTr("Upcoming"), completed: qsTr("Completed") }
        if (views[name] !== undefined)
            open({ view: views[name], projectId: "", labelId: "", boardId: "", title: titles[name] })
    }
    // What a new task gets from the open view (Ctrl+N presets, quick add).
    function presets() {
        if (current.view === TaskView.Project)
            return { projectId: current.projectId }
        if (current.view === TaskView.Today) {
            const d = new Date(); d.setHours(0, 0, 0, 0)
            return { dueDate: d.toISOString() }
        }
        return {}
    }
    function addFromQuickAdd() {
        const id = todoController.quickAdd(quickAdd.text, current.view, current.projectId, current.labelId)
        if (id !== "") {
            quickAdd.text = ""
            quickAddError.text = ""
        } else {
            quickAddError.text = todoController.lastError()
        }
    }

    TodoController {
        id: todoController
        store: todo.shell ? todo.shell.storeObject : null
        language: todo.language
        onUndoOffered: (stepId, text) => todo.undoOffered(stepId, text)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        TodoNavigation {
            id: navigation
            Layout.preferredWidth: 220
            Layout.fillHeight: true
            controller: todoController
            current: todo.current
            accentColor: todo.accentColor
            onViewChosen: view => todo.open(view)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Layout.topMargin: 14
                spacing: 10
                Label {
                    objectName: "todoViewTitle"
                    text: todo.current.title
                    font.pixelSize: 18
                    font.bold: true
                    color: Theme.text
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
            }

            TextField {
                id: quickAdd
                objectName: "quickAddField"
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Layout.topMargin: 10
                visible: todo.current.view !== TaskView.Completed && todo.current.view !== TaskView.Board
                placeholderText: todo.current.view === TaskView.Today ? qsTr("Add a task for today and press Enter")
                               : todo.current.view === TaskView.Upcoming ? qsTr("Add a task for tomorrow and press Enter")
                               : todo.current.view === TaskView.Project ? qsTr("Add a task to “%1” and press Enter").arg(todo.current.title)
                               : qsTr("Add a task and press Enter")
                Accessible.name: qsTr("New task")
                onAccepted: todo.addFromQuickAdd()
                leftPadding: 34
                Label {
                    anchors.left: parent.left
                    anchors.leftMargin: 12
                    anchors.verticalCenter: parent.verticalCenter
                    text: "+"
                    font.pixelSize: 18
                    color: todo.accentColor
                }
            }
            Label {
                id: quickAddError
                Layout.leftMargin: 24
                visible: text !== ""
                color: Theme.errorText
            }

            Loader {
                id: listLoader
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.topMargin: 8
                sourceComponent: todo.current.view === TaskView.Board ? boardComponent : listComponent
            }
        }

        // Made when a task is first chosen: the details (a form, pickers,
        // dialogs) cost start-up time and memory nobody needs before that.
        Loader {
            id: detailLoader
            Layout.preferredWidth: Math.min(380, todo.width * 0.38)
            Layout.fillHeight: true
            visible: todo.selectedId !== ""
            active: todo.selectedId !== "" || item !== null
            sourceComponent: TaskDetail {
                objectName: "taskDetail"
                shell: todo.shell
                controller: todoController
                taskId: todo.selectedId
                accentColor: todo.accentColor
                onCloseRequested: todo.selectedId = ""
                onDeleteRequested: (id, title) => todo.deleteRequested(id, title, "tasks")
                onEditRequested: id => todo.editRequested(id)
            }
        }
    }

    Component {
        id: listComponent
        TaskList {
            controller: todoController
            current: todo.current
            selectedId: todo.selectedId
            accentColor: todo.accentColor
            onTaskChosen: id => todo.selectedId = id
        }
    }
    Component {
        id: boardComponent
        TaskBoard {
            controller: todoController
            boardId: todo.current.boardId
            selectedId: todo.selectedId
            accentColor: todo.accentColor
            onTaskChosen: id => todo.selectedId = id
        }
    }
}
