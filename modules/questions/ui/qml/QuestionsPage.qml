import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaQuestions
import ManaControls

// Questions' page (docs/questions.md): a research notebook crossed with an
// issue board. The collections on the left (with counts, "All" first); the
// questions as a board by status or as a sortable list (Ctrl+B / Ctrl+L),
// filtered by search (Ctrl+F), tag and priority; a question opened fills
// the main area with its details, answers and the answer editor (Esc goes
// back). Ctrl+N asks a new question in the shown collection.
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#C026D3"
    property string language: "en"
    property string selectedId: ""
    readonly property string primaryCollection: "questions"

    property bool boardShown: true
    property string collectionId: ""
    property string tagFilter: ""
    property string searchText: ""
    property string priorityFilter: ""
    readonly property bool filtering: tagFilter !== "" || searchText.trim() !== "" || priorityFilter !== ""
    readonly property QtObject store: shell ? shell.storeObject : null
    readonly property alias controller: controller
    readonly property alias board: board
    readonly property alias list: list
    readonly property alias detail: detail
    readonly property alias newQuestionDialog: newQuestionDialog
    readonly property alias menu: cardMenu

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    signal undoOffered(int stepId, string text)

    function presets() {
        const values = { "status": "open" }
        if (collectionId !== "")
            values.collectionId = collectionId
        return values
    }
    function createNew() {
        newQuestionDialog.openWith(collectionId, "open")
    }
    // "board", "list", "collection/<id>", "question/<id>",
    // "record/questions/<id>", "record/answers/<id>" (its question),
    // "record/collections/<id>".
    function openPlace(place) {
        const parts = (place || "").split("/")
        if (parts[0] === "list" || parts[0] === "board") {
            showView(parts[0] === "board")
        } else if (parts[0] === "collection" && parts[1] !== undefined) {
            collectionId = parts[1]
            closeQuestion()
        } else if (parts[0] === "question" && parts[1]) {
            openQuestion(parts[1])
        } else if (parts[0] === "record" && parts[2]) {
            if (parts[1] === "collections") {
                collectionId = parts[2]
                closeQuestion()
            } else if (parts[1] === "answers") {
                openQuestion(controller.questionOfAnswer(parts[2]))
            } else {
                openQuestion(parts[2])
            }
        } else {
            closeQuestion()
        }
    }
    function showView(boardView) {
        boardShown = boardView
        selectedId = ""
        focusView()
    }
    function focusView() {
        if (boardShown)
            board.forceActiveFocus()
        else
            list.forceActiveFocus()
    }
    function openQuestion(id) {
        if (!id)
            return
        controller.clearError()
        board.currentId = id
        list.currentId = id
        selectedId = id
        detail.editor.clear()
        detail.forceActiveFocus()
    }
    function editAnswer(answer) {
        detail.editAnswer(answer)
    }
    function closeQuestion() {
        selectedId = ""
        focusView()
    }
    function showTag(tag) {
        tagFilter = tag
        closeQuestion()
    }
    function openMenu(id, item, x, y) {
        cardMenu.questionId = id
        cardMenu.status = controller.question(id).status
        cardMenu.popup(item, x, y)
    }
    function statusText(status) {
        return { "open": qsTr("Open"), "researching": qsTr("Researching"),
                 "answered": qsTr("Answered"), "archived": qsTr("Archived") }[status] || status
    }
    function priorityText(priority) {
        return { "urgent": qsTr("Urgent"), "high": qsTr("High"),
                 "normal": qsTr("Normal"), "low": qsTr("Low") }[priority] || qsTr("Normal")
    }
    function priorityColor(priority) {
        return { "urgent": Theme.errorText, "high": Theme.dark ? "#f0a35e" : "#b85c00",
                 "low": Theme.mutedText }[priority] || Theme.accent
    }
    function dayText(isoDay) {
        const locale = Qt.locale(language === "de" ? "de_DE" : "en_GB")
        return Date.fromLocaleString(Qt.locale("C"), isoDay, "yyyy-MM-dd").toLocaleDateString(locale, Locale.ShortFormat)
    }
    function escaped(text) {
        return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
    }

    // The arrows work on the board as soon as the app opens.
    Component.onCompleted: if (selectedId === "") focusView()

    QuestionsController {
        id: controller
        store: page.store
        onUndoOffered: (stepId, text) => page.undoOffered(stepId, text)
    }
    NewQuestionDialog {
        id: newQuestionDialog
        page: page
        parent: Overlay.overlay
    }
    NameColorDialog {
        id: collectionDialog
        newTitle: qsTr("New collection")
        editTitle: qsTr("Edit collection")
        parent: Overlay.overlay
        onAccepted: {
            if (editId !== "") {
                controller.editCollection(editId, name, color)
                return
            }
            const id = controller.createCollection(name, color)
            if (id !== "") {
                page.collectionId = id
                page.closeQuestion()
            }
        }
    }
    Menu {
        id: collectionMenu
        objectName: "collectionMenu"
        property var collection: ({})
        MenuItem {
            text: qsTr("Rename…")
            onTriggered: collectionDialog.openEdit(collectionMenu.collection)
        }
        MenuItem {
            objectName: "deleteCollection"
            text: qsTr("Delete (its questions stay)")
            onTriggered: {
                if (page.collectionId === collectionMenu.collection.id)
                    page.collectionId = ""
                controller.removeCollection(collectionMenu.collection.id)
            }
        }
    }
    Menu {
        id: cardMenu
        objectName: "questionMenu"
        property string questionId: ""
        property string status: ""
        MenuItem {
            text: qsTr("Open")
            onTriggered: page.openQuestion(cardMenu.questionId)
        }
        MenuSeparator {}
        Repeater {
            model: ["open", "researching", "answered", "archived"]
            MenuItem {
                required property string modelData
                objectName: "moveTo_" + modelData
                text: qsTr("Move to %1").arg(page.statusText(modelData))
                enabled: cardMenu.status !== modelData
                onTriggered: controller.setStatus(cardMenu.questionId, modelData)
            }
        }
        MenuSeparator {}
        Repeater {
            model: ["urgent", "high", "normal", "low"]
            MenuItem {
                required property string modelData
                text: qsTr("Priority: %1").arg(page.priorityText(modelData))
                onTriggered: controller.setPriority(cardMenu.questionId, modelData)
            }
        }
    }

    // Ctrl+1…9 are the shell's (the apps), so B and L.
    Shortcut {
        sequence: "Ctrl+B"
        enabled: page.visible
        onActivated: page.showView(true)
    }
    Shortcut {
        sequence: "Ctrl+L"
        enabled: page.visible
        onActivated: page.showView(false)
    }
    Shortcut {
        sequences: [StandardKey.Find]
        enabled: page.visible
        onActivated: {
            page.selectedId = ""
            searchField.forceActiveFocus()
            searchField.selectAll()
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // The collections.
        Rectangle {
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            color: Theme.sidebar
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 10
                spacing: 2
                Label {
                    text: qsTr("Collections")
                    color: Theme.mutedText
                    font.pixelSize: 12
                    font.bold: true
                    Layout.leftMargin: 8
                    Layout.bottomMargin: 4
                }
                Repeater {
                    model: [{ id: "", name: qsTr("All questions"), color: page.accentColor, count: controller.totalCount }].concat(controller.collections)
                    ItemDelegate {
                        id: collectionRow
                        required property var modelData
                        objectName: "collection_" + (modelData.id || "all")
                        Layout.fillWidth: true
                        highlighted: page.collectionId === modelData.id
                        onClicked: {
                            page.collectionId = modelData.id
                            page.closeQuestion()
                        }
                        TapHandler {
                            acceptedButtons: Qt.RightButton
                            enabled: collectionRow.modelData.id !== ""
                            onTapped: {
                                collectionMenu.collection = { id: collectionRow.modelData.id, name: collectionRow.modelData.name,
                                                              color: collectionRow.modelData.color }
                                collectionMenu.popup()
                            }
                        }
                        background: Rectangle {
                            radius: Theme.radius
                            color: collectionRow.highlighted ? Theme.selection : (collectionRow.hovered ? Theme.hover : "transparent")
                        }
                        contentItem: RowLayout {
                            spacing: 8
                            Rectangle { width: 10; height: 10; radius: 5; color: collectionRow.modelData.color || page.accentColor }
                            Label {
                                Layout.fillWidth: true
                                text: collectionRow.modelData.name
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                text: collectionRow.modelData.count
                                color: Theme.mutedText
                            }
                        }
                    }
                }
                ItemDelegate {
                    objectName: "newCollectionButton"
                    Layout.fillWidth: true
                    text: "+ " + qsTr("New collection")
                    onClicked: collectionDialog.openNew()
                    background: Rectangle {
                        radius: Theme.radius
                        color: parent.hovered ? Theme.hover : "transparent"
                    }
                }
                Item { Layout.fillHeight: true }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 16
            spacing: 12

            // The toolbar.
            RowLayout {
                visible: page.selectedId === ""
                Layout.fillWidth: true
                spacing: 8
                CompactButton {
                    objectName: "boardToggle"
                    text: qsTr("Board")
                    checkable: true
                    checked: page.boardShown
                    flat: !checked
                    onClicked: page.showView(true)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Board by status (Ctrl+B)")
                }
                CompactButton {
                    objectName: "listToggle"
                    text: qsTr("List")
                    checkable: true
                    checked: !page.boardShown
                    flat: !checked
                    onClicked: page.showView(false)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Sortable list (Ctrl+L)")
                }
                TextField {
                    id: searchField
                    objectName: "searchField"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 420
                    placeholderText: qsTr("Search questions and answers (Ctrl+F)")
                    color: Theme.text
                    onTextChanged: page.searchText = text
                    Keys.onEscapePressed: {
                        text = ""
                        page.focusView()
                    }
                    Keys.onDownPressed: page.focusView()
                }
                ComboBox {
                    objectName: "priorityFilter"
                    Layout.preferredWidth: 150
                    model: [{ value: "", label: qsTr("Any priority") }].concat(
                               ["urgent", "high", "normal", "low"].map(p => ({ value: p, label: page.priorityText(p) })))
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return Math.max(0, indexOfValue(page.priorityFilter)) }
                    onActivated: page.priorityFilter = currentValue
                }
                TagChip {
                    objectName: "tagFilterChip"
                    visible: page.tagFilter !== ""
                    tag: page.tagFilter
                    removable: true
                    clickable: true
                    onClicked: page.tagFilter = ""
                    onRemoveClicked: page.tagFilter = ""
                }
            }
            Label {
                visible: page.selectedId === "" && (board.capped || list.model.capped)
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Showing the first 2,000 matches. Add a word or pick a collection to narrow it down.")
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                QuestionBoard {
                    id: board
                    anchors.fill: parent
                    page: page
                    visible: page.boardShown && page.selectedId === "" && controller.totalCount > 0
                    focus: visible
                }
                QuestionList {
                    id: list
                    anchors.fill: parent
                    page: page
                    visible: !page.boardShown && page.selectedId === ""
                    focus: visible
                }
                QuestionDetail {
                    id: detail
                    anchors.fill: parent
                    page: page
                    questionId: page.selectedId
                    visible: page.selectedId !== ""
                }
                Label {
                    objectName: "emptyState"
                    visible: page.selectedId === "" && controller.totalCount === 0
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 460)
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    text: qsTr("No questions yet. Press Ctrl+N to write down the first thing you want to find out; answers and their sources go with it.")
                }
                Label {
                    objectName: "noMatches"
                    visible: page.selectedId === "" && controller.totalCount > 0 && !page.boardShown && list.model.count === 0
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 460)
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    text: qsTr("No question matches. Clear the search or the tag, or pick another collection.")
                }
            }
        }
    }
}
