import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaShellCore
import ManaZitare
import ManaControls

// Zitare's page (docs/zitare.md): the quote of the day big at the top; on
// the left all quotes, the favourites, the lists and the authors; on the
// right the chosen quotes with a search over text, author and work.
// Keys: Ctrl+F search, ↑/↓ move, F (or the heart) favourite, Ctrl+C copy
// the chosen quote, Esc leaves the search; Ctrl+N a new list.
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#CA8A04"
    property string language: "en"
    // The open list's record id (the shell's record, e.g. after Ctrl+K).
    property string selectedId: ""
    readonly property string primaryCollection: "lists"
    property int view: ZitareView.All
    property string author: ""
    property string listId: ""
    readonly property alias controller: controller
    readonly property alias quotes: quotes
    readonly property alias quoteList: quoteList
    readonly property alias searchField: searchField
    // The quote the next "Add to list" is for.
    property string listQuoteId: ""
    property string notice: ""

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)

    function presets() {
        return {}
    }
    function createNew() {
        listDialog.openNew("")
    }
    function show(newView, newAuthor, newListId) {
        view = newView
        author = newAuthor
        listId = newListId
        selectedId = newView === ZitareView.List ? newListId : ""
        quoteList.currentIndex = quotes.count > 0 ? 0 : -1
        quoteList.positionViewAtBeginning()
        quoteList.forceActiveFocus()
    }
    // "all", "favorites", "list/<id>", "author/<name>", "quote/<id>",
    // "new" and "record/<collection>/<id>" (Ctrl+K).
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "record" && parts[1] === "lists") {
            show(ZitareView.List, "", parts[2] || "")
        } else if (parts[0] === "record" && parts[1] === "favorites") {
            show(ZitareView.Favorites, "", "")
        } else if (parts[0] === "favorites") {
            show(ZitareView.Favorites, "", "")
        } else if (parts[0] === "list") {
            show(ZitareView.List, "", parts.slice(1).join("/"))
        } else if (parts[0] === "author") {
            show(ZitareView.Author, decodeURIComponent(parts.slice(1).join("/")), "")
        } else if (parts[0] === "quote") {
            show(ZitareView.All, "", "")
            quoteList.currentIndex = quotes.rowOf(parts[1] || "")
            quoteList.positionViewAtIndex(quoteList.currentIndex, ListView.Center)
        } else if (parts[0] === "new") {
            Qt.callLater(createNew)
        } else {
            show(ZitareView.All, "", "")
        }
    }
    function currentQuote() {
        return quotes.get(quoteList.currentIndex)
    }
    function copyCurrent() {
        const quote = currentQuote()
        if (quote.id !== "" && !quote.missing)
            controller.copyQuote(quote.id)
    }
    function toggleCurrentFavorite() {
        const quote = currentQuote()
        if (quote.id !== "")
            controller.toggleFavorite(quote.id)
    }
    function openAddToList(quoteId, button) {
        listQuoteId = quoteId
        addToListMenu.parent = button
        addToListMenu.y = button.height
        addToListMenu.open()
    }
    function showNotice(text) {
        notice = text
        noticeTimer.restart()
    }
    readonly property string viewTitle: view === ZitareView.Favorites ? qsTr("Favourites")
                                        : view === ZitareView.Author ? author
                                        : view === ZitareView.List ? controller.list(listId).name
                                        : qsTr("All quotes")

    // A list opened by the shell (Ctrl+K, a saved form) or deleted there.
    onSelectedIdChanged: {
        if (selectedId !== "" && controller.list(selectedId).id !== "" && listId !== selectedId)
            show(ZitareView.List, "", selectedId)
    }
    Connections {
        target: controller
        function onListsChanged() {
            if (page.view === ZitareView.List && controller.list(page.listId).id === "")
                page.show(ZitareView.All, "", "")
        }
        function onCopied() {
            page.showNotice(qsTr("Copied to the clipboard"))
        }
        function onExported(fileName) {
            page.showNotice(qsTr("Saved “%1”").arg(fileName))
        }
    }

    ZitareController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        language: page.language
    }
    QuoteModel {
        id: quotes
        controller: controller
        view: page.view
        author: page.author
        listId: page.listId
        searchText: searchField.text
        onModelReset: quoteList.currentIndex = count > 0 ? 0 : -1
    }

    Shortcut {
        sequences: [StandardKey.Find]
        enabled: page.visible
        onActivated: {
            searchField.forceActiveFocus()
            searchField.selectAll()
        }
    }
    Timer {
        id: noticeTimer
        interval: 2500
        onTriggered: page.notice = ""
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ZitareNavigation {
            objectName: "zitareNavigation"
            Layout.preferredWidth: 230
            Layout.fillHeight: true
            controller: controller
            view: page.view
            author: page.author
            listId: page.listId
            accentColor: page.accentColor
            onChosen: (view, author, listId) => page.show(view, author, listId)
            onNewListRequested: listDialog.openNew("")
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            QuoteOfTheDayCard {
                objectName: "quoteOfTheDay"
                Layout.fillWidth: true
                Layout.margins: 20
                Layout.bottomMargin: 12
                controller: controller
                accentColor: page.accentColor
                onAddToListRequested: button => page.openAddToList(controller.quoteOfTheDay.id, button)
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                spacing: 10
                Label {
                    objectName: "viewTitle"
                    text: page.viewTitle
                    color: Theme.text
                    font.pixelSize: 18
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    Layout.maximumWidth: implicitWidth
                    Layout.minimumWidth: Math.min(implicitWidth, 200)
                }
                Label {
                    objectName: "viewCount"
                    text: searchField.text.trim() !== ""
                          ? qsTr("%1 of %2").arg(quotes.count).arg(quotes.unfilteredCount)
                          : String(quotes.count)
                    color: Theme.mutedText
                }
                Item { Layout.fillWidth: true; Layout.minimumWidth: 0 }
                ToolButton {
                    objectName: "renameListButton"
                    visible: page.view === ZitareView.List
                    text: qsTr("Rename")
                    onClicked: listDialog.openRename(page.listId)
                }
                ToolButton {
                    objectName: "deleteListButton"
                    visible: page.view === ZitareView.List
                    text: qsTr("Delete list")
                    onClicked: page.deleteRequested(page.listId, page.viewTitle, "lists")
                }
                ToolButton {
                    objectName: "exportButton"
                    visible: page.view === ZitareView.List || page.view === ZitareView.Favorites
                    enabled: quotes.unfilteredCount > 0
                    text: qsTr("Export…")
                    ToolTip.visible: hovered
                    ToolTip.delay: 600
                    ToolTip.text: qsTr("Save these quotes as a Markdown or text file")
                    onClicked: {
                        exportDialog.listId = page.view === ZitareView.List ? page.listId : ""
                        exportDialog.selectedFile = exportDialog.currentFolder + "/"
                                                    + controller.suggestedFileName(exportDialog.listId)
                        exportDialog.open()
                    }
                }
                TextField {
                    id: searchField
                    objectName: "searchField"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 280
                    Layout.minimumWidth: 150
                    placeholderText: qsTr("Search text, author, work (Ctrl+F)")
                    selectByMouse: true
                    Keys.onEscapePressed: {
                        text = ""
                        quoteList.forceActiveFocus()
                    }
                    Keys.onDownPressed: quoteList.forceActiveFocus()
                    onAccepted: quoteList.forceActiveFocus()
                }
            }

            Label {
                objectName: "errorText"
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                Layout.topMargin: 6
                visible: controller.lastError !== ""
                text: controller.lastError
                color: Theme.errorText
                wrapMode: Text.WordWrap
            }

            ListView {
                id: quoteList
                objectName: "quoteList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.topMargin: 8
                clip: true
                focus: true
                model: quotes
                currentIndex: 0
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}
                delegate: QuoteRow {
                    controller: controller
                    listId: page.view === ZitareView.List ? page.listId : ""
                    accentColor: page.accentColor
                    onPicked: index => {
                        quoteList.currentIndex = index
                        quoteList.forceActiveFocus()
                    }
                    onAddToListRequested: button => page.openAddToList(quote.id, button)
                }
                Keys.onPressed: event => {
                    if (event.matches(StandardKey.Copy)) {
                        page.copyCurrent()
                        event.accepted = true
                    } else if (event.key === Qt.Key_F && !(event.modifiers & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier))) {
                        page.toggleCurrentFavorite()
                        event.accepted = true
                    }
                }

                Label {
                    objectName: "emptyText"
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 440)
                    visible: quotes.count === 0
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    color: Theme.mutedText
                    font.pixelSize: 15
                    text: quotes.unfilteredCount > 0
                          ? qsTr("No quote here matches “%1”. Try fewer words, or an author's or a work's name.").arg(searchField.text.trim())
                          : page.view === ZitareView.Favorites
                            ? qsTr("No favourites yet. Click the heart beside a quote, or choose one with the arrow keys and press F.")
                            : page.view === ZitareView.List
                              ? qsTr("This list is empty. Choose “Add to list” beside any quote to put it here.")
                              : qsTr("No quotes here.")
                }
            }
        }
    }

    Label {
        objectName: "noticeText"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 24
        visible: page.notice !== ""
        text: page.notice
        color: Theme.accentText
        padding: 10
        leftPadding: 16
        rightPadding: 16
        background: Rectangle {
            radius: 8
            color: Theme.dark ? "#3a3b44" : "#2c2d34"
        }
    }

    Menu {
        id: addToListMenu
        objectName: "addToListMenu"
        Instantiator {
            model: controller.lists
            delegate: MenuItem {
                required property quoteListEntry modelData
                objectName: "addToList_" + modelData.id
                text: modelData.name
                checkable: true
                checked: modelData.quoteIds.indexOf(page.listQuoteId) >= 0
                onTriggered: {
                    if (modelData.quoteIds.indexOf(page.listQuoteId) >= 0)
                        controller.removeFromList(modelData.id, page.listQuoteId)
                    else
                        controller.addToList(modelData.id, page.listQuoteId)
                }
            }
            onObjectAdded: (index, object) => addToListMenu.insertItem(index, object)
            onObjectRemoved: (index, object) => addToListMenu.removeItem(object)
        }
        MenuSeparator {
            visible: controller.lists.length > 0
        }
        MenuItem {
            objectName: "addToNewList"
            text: qsTr("New list…")
            onTriggered: listDialog.openNew(page.listQuoteId)
        }
    }

    ListDialog {
        id: listDialog
        objectName: "listDialog"
        controller: controller
        onCreated: id => page.show(ZitareView.List, "", id)
        onClosed: quoteList.forceActiveFocus()
    }

    FileDialog {
        id: exportDialog
        property string listId: ""
        title: listId === "" ? qsTr("Export the favourites") : qsTr("Export a list")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "md"
        nameFilters: [qsTr("Markdown files (*.md)"), qsTr("Text files (*.txt)")]
        onAccepted: {
            if (listId === "")
                controller.exportFavorites(selectedFile)
            else
                controller.exportList(listId, selectedFile)
        }
    }
}
