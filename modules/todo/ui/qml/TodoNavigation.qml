import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaTodo
import ManaControls

// Todo's left column: the fixed views with their counts, then projects,
// labels and boards, each with a way to add one.
Rectangle {
    id: nav

    required property TodoController controller
    property var current
    property color accentColor

    signal viewChosen(var view)

    // .ics import and export (TodoIcsDialogs): the side bar's buttons and
    // the page's places "import" and "export".
    function openImport() { icsDialogs.openImport() }
    function openExport() { icsDialogs.openExport() }

    color: Theme.sidebar

    component NavEntry: ItemDelegate {
        id: entry
        property int view: TaskView.Inbox
        property string refId: ""
        property string dotColor: ""
        property int count: 0
        property bool warn: false
        // Projects and labels: a "⋯" menu (also on right click).
        property bool hasMenu: false
        signal menuRequested
        readonly property bool chosen: nav.current.view === view
                                       && (refId === "" || nav.current.projectId === refId
                                           || nav.current.labelId === refId || nav.current.boardId === refId)
        Layout.fillWidth: true
        implicitHeight: 32
        leftPadding: 14
        rightPadding: 10
        background: Rectangle {
            radius: 6
            color: entry.chosen ? Theme.selection : entry.hovered ? Theme.hover : "transparent"
        }
        contentItem: RowLayout {
            spacing: 8
            Rectangle {
                visible: entry.dotColor !== ""
                width: 8; height: 8; radius: 4
                color: entry.dotColor || "transparent"
            }
            Label {
                Layout.fillWidth: true
                text: entry.text
                color: Theme.text
                font.bold: entry.chosen
                elide: Text.ElideRight
            }
            Label {
                visible: entry.count > 0 && !menuButton.visible
                text: Number(entry.count).toLocaleString(Qt.locale(), "f", 0)
                color: entry.warn ? Theme.errorText : Theme.mutedText
                font.pixelSize: 12
            }
            ToolButton {
                id: menuButton
                visible: entry.hasMenu && (entry.hovered || entry.chosen || activeFocus)
                text: "⋯"
                implicitWidth: 24
                implicitHeight: 22
                Accessible.name: qsTr("More for “%1”").arg(entry.text)
                onClicked: entry.menuRequested()
            }
        }
    }
    component SectionHeader: RowLayout {
        property alias text: headerLabel.text
        signal addClicked
        property bool canAdd: true
        Layout.fillWidth: true
        Layout.topMargin: 14
        Layout.leftMargin: 14
        Label {
            id: headerLabel
            Layout.fillWidth: true
            color: Theme.mutedText
            font.pixelSize: 11
            font.bold: true
            font.capitalization: Font.AllUppercase
        }
        ToolButton {
            visible: parent.canAdd
            text: "+"
            implicitHeight: 24
            implicitWidth: 28
            Accessible.name: qsTr("Add")
            onClicked: parent.addClicked()
        }
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 8
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 1

            NavEntry {
                objectName: "navInbox"
                view: TaskView.Inbox; text: qsTr("Inbox")
                count: nav.controller.counts.inbox
                onClicked: nav.viewChosen({ view: TaskView.Inbox, projectId: "", labelId: "", boardId: "", title: text })
            }
            NavEntry {
                objectName: "navToday"
                view: TaskView.Today; text: qsTr("Today")
                count: nav.controller.counts.today
                warn: nav.controller.counts.overdue > 0
                onClicked: nav.viewChosen({ view: TaskView.Today, projectId: "", labelId: "", boardId: "", title: text })
            }
            NavEntry {
                objectName: "navUpcoming"
                view: TaskView.Upcoming; text: qsTr("Upcoming")
                count: nav.controller.counts.upcoming
                onClicked: nav.viewChosen({ view: TaskView.Upcoming, projectId: "", labelId: "", boardId: "", title: text })
            }
            NavEntry {
                objectName: "navCompleted"
                view: TaskView.Completed; text: qsTr("Completed")
                onClicked: nav.viewChosen({ view: TaskView.Completed, projectId: "", labelId: "", boardId: "", title: text })
            }

            SectionHeader {
                text: qsTr("Projects")
                onAddClicked: projectDialog.openNew()
            }
            Repeater {
                model: nav.controller.projects.filter(p => !p.isArchived)
                NavEntry {
                    required property todoProject modelData
                    objectName: "navProject_" + modelData.id
                    view: TaskView.Project; refId: modelData.id
                    text: modelData.name
                    dotColor: modelData.color || "#9ca3af"
                    count: modelData.openCount
                    onClicked: nav.viewChosen({ view: TaskView.Project, projectId: modelData.id, labelId: "", boardId: "", title: modelData.name })
                    hasMenu: true
                    onMenuRequested: projectMenu.openFor(modelData)
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: projectMenu.openFor(parent.modelData)
                    }
                }
            }
            Label {
                visible: nav.controller.projects.length === 0
                Layout.leftMargin: 14
                text: qsTr("No projects yet")
                color: Theme.mutedText
                font.pixelSize: 12
            }
            // Archived projects stay reachable: shown on demand, dimmed.
            ItemDelegate {
                id: archivedToggle
                objectName: "showArchived"
                property bool expanded: false
                readonly property int archivedCount: nav.controller.projects.filter(p => p.isArchived).length
                visible: archivedCount > 0
                Layout.fillWidth: true
                implicitHeight: 26
                leftPadding: 14
                text: (expanded ? qsTr("Hide archived") : qsTr("Show archived")) + " (" + archivedCount + ")"
                font.pixelSize: 12
                palette.text: Theme.mutedText
                palette.windowText: Theme.mutedText
                background: Item {}
                onClicked: expanded = !expanded
            }
            Repeater {
                model: archivedToggle.expanded ? nav.controller.projects.filter(p => p.isArchived) : []
                NavEntry {
                    required property todoProject modelData
                    opacity: 0.6
                    view: TaskView.Project; refId: modelData.id
                    text: modelData.name
                    dotColor: modelData.color || "#9ca3af"
                    onClicked: nav.viewChosen({ view: TaskView.Project, projectId: modelData.id, labelId: "", boardId: "", title: modelData.name })
                    hasMenu: true
                    onMenuRequested: projectMenu.openFor(modelData)
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: projectMenu.openFor(parent.modelData)
                    }
                }
            }

            SectionHeader {
                text: qsTr("Labels")
                onAddClicked: labelDialog.openNew()
            }
            Repeater {
                model: nav.controller.labels
                NavEntry {
                    required property todoLabel modelData
                    view: TaskView.Label; refId: modelData.id
                    text: "# " + modelData.name
                    dotColor: modelData.color || ""
                    onClicked: nav.viewChosen({ view: TaskView.Label, projectId: "", labelId: modelData.id, boardId: "", title: "# " + modelData.name })
                    hasMenu: true
                    onMenuRequested: labelMenu.openFor(modelData)
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: labelMenu.openFor(parent.modelData)
                    }
                }
            }

            SectionHeader {
                text: qsTr("Boards")
                canAdd: false
            }
            Repeater {
                model: nav.controller.boards
                NavEntry {
                    required property todoBoard modelData
                    view: TaskView.Board; refId: modelData.id
                    text: modelData.name
                    onClicked: nav.viewChosen({ view: TaskView.Board, projectId: "", labelId: "", boardId: modelData.id, title: modelData.name })
                }
            }

            // Files: tasks in and out as iCalendar (.ics), as Calendar's side bar.
            Item { implicitHeight: 12 }
            Button {
                objectName: "todoImportButton"
                Layout.fillWidth: true
                Layout.leftMargin: 6
                Layout.rightMargin: 6
                text: qsTr("Import .ics…")
                enabled: !nav.controller.importing
                onClicked: icsDialogs.openImport()
            }
            Button {
                objectName: "todoExportButton"
                Layout.fillWidth: true
                Layout.leftMargin: 6
                Layout.rightMargin: 6
                text: qsTr("Export .ics…")
                onClicked: icsDialogs.openExport()
            }
            Label {
                objectName: "todoFileResult"
                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8
                visible: text !== ""
                wrapMode: Text.WordWrap
                font.pixelSize: 12
                text: nav.controller.fileError !== "" ? nav.controller.fileError : nav.controller.fileNotice
                color: nav.controller.fileError !== "" ? Theme.errorText : Theme.mutedText
            }
            Item { Layout.fillHeight: true }
        }
    }

    TodoIcsDialogs {
        id: icsDialogs
        controller: nav.controller
    }

    Menu {
        id: projectMenu
        property todoProject project
        function openFor(p) { project = p; popup() }
        MenuItem { text: qsTr("Rename…"); onTriggered: projectDialog.openEdit(projectMenu.project) }
        MenuItem {
            text: projectMenu.project.isArchived ? qsTr("Unarchive") : qsTr("Archive")
            onTriggered: nav.controller.setProjectArchived(projectMenu.project.id, !projectMenu.project.isArchived)
        }
        MenuItem { text: qsTr("Delete…"); onTriggered: deleteProjectDialog.openFor(projectMenu.project) }
    }
    Menu {
        id: labelMenu
        property todoLabel label
        function openFor(l) { label = l; popup() }
        MenuItem { text: qsTr("Rename…"); onTriggered: labelDialog.openEdit(labelMenu.label) }
        MenuItem { text: qsTr("Delete"); onTriggered: nav.controller.deleteLabel(labelMenu.label.id) }
    }

    NameColorDialog {
        id: projectDialog
        objectName: "projectDialog"
        newTitle: qsTr("New project")
        editTitle: qsTr("Rename project")
        onAccepted: {
            if (editId === "") {
                const id = nav.controller.createProject(name, color)
                if (id !== "")
                    nav.viewChosen({ view: TaskView.Project, projectId: id, labelId: "", boardId: "", title: name })
            } else {
                nav.controller.renameProject(editId, name, color)
            }
        }
    }
    NameColorDialog {
        id: labelDialog
        newTitle: qsTr("New label")
        editTitle: qsTr("Rename label")
        onAccepted: editId === "" ? nav.controller.createLabel(name, color)
                                  : nav.controller.renameLabel(editId, name, color)
    }
    DeleteProjectDialog {
        id: deleteProjectDialog
        objectName: "deleteProjectDialog"
        controller: nav.controller
        onDeleted: {
            if (nav.current.view === TaskView.Project)
                nav.viewChosen({ view: TaskView.Inbox, projectId: "", labelId: "", boardId: "", title: qsTr("Inbox") })
        }
    }
}
