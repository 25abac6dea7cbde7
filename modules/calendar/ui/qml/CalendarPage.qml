import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaCalendar
import ManaControls

// Calendar's page (docs/calendar.md): the mini month, the calendars and the
// tasks toggle on the left; the month, week, day or agenda view of the
// chosen date on the right. Keys: arrows move the chosen date, T today,
// 1-4 the views, Page Up/Down the period, Ctrl+N a new event.
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#3B82F6"
    property string language: "en"
    property string selectedId: ""
    readonly property string primaryCollection: "events"
    // The view shown: a CalendarController.View (Month, Week, Day, Agenda);
    // its place names ("month" …) are viewNames.
    property int view: CalendarController.Week
    readonly property var viewNames: ({
        month: CalendarController.Month, week: CalendarController.Week,
        day: CalendarController.Day, agenda: CalendarController.Agenda
    })
    readonly property bool gridShown: view === CalendarController.Week || view === CalendarController.Day
    // The hour grid's period when it is hidden: the last of week and day.
    property int gridView: CalendarController.Week
    onViewChanged: if (view === CalendarController.Week || view === CalendarController.Day) gridView = view
    // The chosen date (yyyy-MM-dd, local): the views show the period around it.
    property string selectedDay: controller.today
    readonly property alias controller: controller
    // The open view's occurrences: each view has a model of its own, made
    // and dropped with it, so a view being replaced never re-lays out.
    readonly property Loader shownView: view === CalendarController.Month ? monthLoader
                                        : view === CalendarController.Agenda ? agendaLoader : viewLoader
    readonly property var occurrences: shownView.item ? shownView.item.occurrences : null
    // Set after the page's first frame: the month view is then made ahead
    // of being shown (the Loaders below).
    property bool preloadMonth: false

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    // A move, change or delete in a scope, a new default calendar, an
    // import: one undo step each; the shell's Undo bar shows `text`.
    signal undoOffered(int stepId, string text)

    function presets() {
        return {}
    }
    // Ctrl+N and the header's New button: the event dialog at the next full
    // hour of the chosen day.
    function createNew() {
        const hour = Math.min(23, new Date().getHours() + 1)
        eventDialog.openNew(selectedDay, hour * 60, hour * 60 + 60, false)
    }
    // "month", "week", "day", "agenda", "today", "day/2027-03-28",
    // "record/events/<id>" (Ctrl+K), "new".
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "record" && parts[1] === "events") {
            const day = controller.dayOfEvent(parts[2])
            if (day !== "") {
                selectedDay = day
                view = CalendarController.Day
                Qt.callLater(() => eventDialog.openExisting(parts[2], ""))
            }
        } else if (parts[0] === "today") {
            selectedDay = controller.today
        } else if (viewNames.hasOwnProperty(parts[0])) {
            view = viewNames[parts[0]]
            if (parts.length > 1 && parts[1] !== "")
                selectedDay = parts[1]
        } else if (parts[0] === "new") {
            createNew()
        } else if (parts[0] === "import") {
            importExport.openImport()
        }
    }
    function step(direction) {
        if (view === CalendarController.Month)
            selectedDay = controller.addMonths(selectedDay, direction)
        else if (view === CalendarController.Week)
            selectedDay = controller.addDays(selectedDay, 7 * direction)
        else if (view === CalendarController.Agenda)
            selectedDay = controller.addDays(selectedDay, 14 * direction)
        else
            selectedDay = controller.addDays(selectedDay, direction)
    }
    // An occurrence was clicked in a view.
    function openOccurrence(eventId, recurrenceId, isTask) {
        if (isTask)
            return
        selectedId = eventId
        eventDialog.openExisting(eventId, recurrenceId)
    }

    focus: true
    Keys.onPressed: event => {
        if (event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))
            return
        const handled = {
            [Qt.Key_Left]: () => selectedDay = controller.addDays(selectedDay, -1),
            [Qt.Key_Right]: () => selectedDay = controller.addDays(selectedDay, 1),
            [Qt.Key_Up]: () => selectedDay = controller.addDays(selectedDay, -7),
            [Qt.Key_Down]: () => selectedDay = controller.addDays(selectedDay, 7),
            [Qt.Key_PageUp]: () => step(-1),
            [Qt.Key_PageDown]: () => step(1),
            [Qt.Key_T]: () => selectedDay = controller.today,
            [Qt.Key_1]: () => view = CalendarController.Month,
            [Qt.Key_2]: () => view = CalendarController.Week,
            [Qt.Key_3]: () => view = CalendarController.Day,
            [Qt.Key_4]: () => view = CalendarController.Agenda,
        }[event.key]
        if (handled) {
            handled()
            event.accepted = true
        }
    }

    Connections {
        target: page.Window.window
        enabled: !page.preloadMonth
        function onFrameSwapped() { page.preloadMonth = true }
    }

    CalendarController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        language: page.language
        onUndoOffered: (stepId, text) => page.undoOffered(stepId, text)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        CalendarSidebar {
            id: sidebar
            Layout.preferredWidth: 240
            Layout.fillHeight: true
            controller: page.controller
            selectedDay: page.selectedDay
            accentColor: page.accentColor
            onDayChosen: day => { page.selectedDay = day; page.forceActiveFocus() }
            onNewCalendarRequested: calendarDialog.openNew()
            onEditCalendarRequested: record => calendarDialog.openEdit(record)
            onImportRequested: importExport.openImport()
            onExportRequested: importExport.openExport()
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 10
                Layout.bottomMargin: 8
                spacing: 8

                Button {
                    objectName: "todayButton"
                    text: qsTr("Today")
                    implicitHeight: 32
                    implicitWidth: implicitContentWidth + 28
                    onClicked: { page.selectedDay = controller.today; page.forceActiveFocus() }
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("Go to today (T)")
                }
                ToolButton {
                    objectName: "previousButton"
                    text: "‹"
                    font.pixelSize: 20
                    implicitHeight: 32
                    implicitWidth: 32
                    Accessible.name: qsTr("Previous")
                    onClicked: page.step(-1)
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("Previous (Page Up)")
                }
                ToolButton {
                    objectName: "nextButton"
                    text: "›"
                    font.pixelSize: 20
                    implicitHeight: 32
                    implicitWidth: 32
                    Accessible.name: qsTr("Next")
                    onClicked: page.step(1)
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("Next (Page Down)")
                }
                Label {
                    objectName: "periodTitle"
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    text: { controller.language; return controller.periodTitle(page.selectedDay, page.view) }
                    font.pixelSize: 18
                    font.bold: true
                    color: Theme.text
                    // A long period ("30. Nov. – 6. Dez. 2026") is set smaller
                    // before it is cut.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 13
                    elide: Text.ElideRight
                }
                Repeater {
                    model: [
                        { view: CalendarController.Month, name: "month", text: qsTr("Month"), key: "1" },
                        { view: CalendarController.Week, name: "week", text: qsTr("Week"), key: "2" },
                        { view: CalendarController.Day, name: "day", text: qsTr("Day"), key: "3" },
                        { view: CalendarController.Agenda, name: "agenda", text: qsTr("Agenda"), key: "4" }
                    ]
                    Button {
                        required property var modelData
                        objectName: "viewButton_" + modelData.name
                        text: modelData.text
                        implicitHeight: 32
                        implicitWidth: implicitContentWidth + 24
                        checkable: true
                        checked: page.view === modelData.view
                        highlighted: checked
                        onClicked: { page.view = modelData.view; page.forceActiveFocus() }
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: modelData.key
                    }
                }
            }
            Label {
                objectName: "calendarError"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                visible: controller.error !== ""
                text: controller.error
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }

            // Each view is made the first time it is shown and kept; the
            // month view also after the page's first frame, hidden and
            // piece by piece between frames (asynchronous), so that the
            // first switch finds it ready (docs/calendar.md); shown before
            // that is done, it is finished at once. Going back to a view
            // shows it at once, its model catching up only when something
            // it shows changed meanwhile (OccurrenceModel.active).
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Loader {
                    id: monthLoader
                    objectName: "monthView"
                    anchors.fill: parent
                    visible: page.view === CalendarController.Month
                    active: visible || item !== null || page.preloadMonth
                    asynchronous: !visible
                    sourceComponent: monthComponent
                }
                Loader {
                    id: viewLoader
                    objectName: "calendarView"
                    anchors.fill: parent
                    visible: page.gridShown
                    active: visible || item !== null
                    sourceComponent: timeGridComponent
                }
                Loader {
                    id: agendaLoader
                    objectName: "agendaView"
                    anchors.fill: parent
                    visible: page.view === CalendarController.Agenda
                    active: visible || item !== null
                    sourceComponent: agendaComponent
                }
            }
        }
    }

    Component {
        id: monthComponent
        MonthView {
            controller: page.controller
            occurrences: OccurrenceModel {
                objectName: "occurrenceModel"
                store: page.shell ? page.shell.storeObject : null
                language: page.language
                showTasks: page.controller.showTasks
                firstDay: { page.controller.language; return page.controller.periodStart(page.selectedDay, CalendarController.Month) }
                days: page.controller.periodDays(CalendarController.Month)
                active: page.view === CalendarController.Month
            }
            selectedDay: page.selectedDay
            accentColor: page.accentColor
            onDayChosen: day => page.selectedDay = day
            onDayOpened: day => { page.selectedDay = day; page.view = CalendarController.Day }
            onCreateRequested: day => eventDialog.openNew(day, 0, 24 * 60, true)
            onOccurrenceChosen: (eventId, recurrenceId, isTask) => page.openOccurrence(eventId, recurrenceId, isTask)
        }
    }
    Component {
        id: timeGridComponent
        TimeGridView {
            controller: page.controller
            occurrences: OccurrenceModel {
                objectName: "occurrenceModel"
                store: page.shell ? page.shell.storeObject : null
                language: page.language
                showTasks: page.controller.showTasks
                firstDay: { page.controller.language; return page.controller.periodStart(page.selectedDay, page.gridView) }
                days: page.controller.periodDays(page.gridView)
                active: page.gridShown
            }
            selectedDay: page.selectedDay
            accentColor: page.accentColor
            onDayChosen: day => page.selectedDay = day
            onCreateRequested: (day, startMinute, endMinute, allDay) => eventDialog.openNew(day, startMinute, endMinute, allDay)
            onOccurrenceChosen: (eventId, recurrenceId, isTask) => page.openOccurrence(eventId, recurrenceId, isTask)
            onMoveRequested: (eventId, recurrenceId, startLocal, endLocal) => scopeDialog.ask("move", eventId, recurrenceId, { start: startLocal, end: endLocal })
        }
    }
    Component {
        id: agendaComponent
        AgendaView {
            occurrences: OccurrenceModel {
                objectName: "occurrenceModel"
                store: page.shell ? page.shell.storeObject : null
                language: page.language
                showTasks: page.controller.showTasks
                firstDay: { page.controller.language; return page.controller.periodStart(page.selectedDay, CalendarController.Agenda) }
                days: page.controller.periodDays(CalendarController.Agenda)
                active: page.view === CalendarController.Agenda
            }
            controller: page.controller
            accentColor: page.accentColor
            onOccurrenceChosen: (eventId, recurrenceId, isTask) => page.openOccurrence(eventId, recurrenceId, isTask)
        }
    }

    EventDialog {
        id: eventDialog
        objectName: "eventDialog"
        controller: page.controller
        accentColor: page.accentColor
        onSaveRequested: (eventId, recurrenceId, draft) => {
            if (eventId === "")
                page.selectedId = controller.createEvent(draft)
            else
                scopeDialog.ask("edit", eventId, recurrenceId, draft)
        }
        // A single event is deleted by the shell, with Undo; an occurrence
        // of a series asks for its scope.
        onDeleteRequested: (eventId, recurrenceId, title) => {
            if (controller.isRecurring(eventId))
                scopeDialog.ask("delete", eventId, recurrenceId, {})
            else
                page.deleteRequested(eventId, title, "events")
        }
        onClosed: page.forceActiveFocus()
    }
    // For an occurrence of a series: this one, this and the following, or
    // all of them (RFC 5545's RECURRENCE-ID and a split series). A single
    // event is changed at once without asking.
    ScopeDialog {
        id: scopeDialog
        objectName: "scopeDialog"
        controller: page.controller
        onClosed: page.forceActiveFocus()
    }
    NameColorDialog {
        id: calendarDialog
        objectName: "calendarDialog"
        newTitle: qsTr("New calendar")
        editTitle: qsTr("Edit calendar")
        onAccepted: {
            if (editId === "")
                controller.createCalendar(name.trim(), color)
            else
                controller.updateCalendar(editId, name.trim(), color)
        }
        onClosed: page.forceActiveFocus()
    }
    IcsFileDialogs {
        id: importExport
        controller: page.controller
    }
}
