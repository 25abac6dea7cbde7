import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaShellCore
import ManaContext
import ManaControls

// Context's page (docs/context.md), laid out like a Markdown notes app:
// the spaces on the left (pinned first), the open space's documents (pinned
// first, then the last changed) with their first line, and the editor with
// the live preview. Keys: Ctrl+N a new document in the open space, Ctrl+F
// the search over every document (Enter opens the first result at its
// match, Esc leaves it), Ctrl+E the preview, Ctrl+S saves at once (the
// editor also saves half a second after the last key).
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#6D28D9"
    property string language: "en"
    // The open document (the shell clears it when it deletes it).
    property string selectedId: ""
    readonly property string primaryCollection: "documents"
    // The space whose documents are listed; "" lists every document.
    property string spaceId: ""
    property string notice: ""
    // Counts the spaces' changes: the open space's name is read again.
    property int spaceRevision: 0
    // A place was asked for (--app, Ctrl+K): the start does not override it.
    property bool placeOpened: false
    readonly property bool searching: searchField.text.trim() !== ""
    readonly property alias controller: controller
    readonly property alias spaces: spaceModel
    readonly property alias documents: documentModel
    readonly property alias searchField: searchField
    readonly property alias editor: editor
    readonly property alias documentList: documentList
    readonly property alias resultList: resultList
    readonly property alias exportDialog: exportDialog

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    signal undoOffered(int stepId, string text)

    function presets() {
        return page.spaceId !== "" ? { "spaceId": page.spaceId } : {}
    }
    function createNew() {
        const id = controller.createDocument(page.spaceId, qsTr("Untitled"))
        if (id === "")
            return
        editor.titleField.forceActiveFocus()
        editor.titleField.selectAll()
    }
    function showSpace(id) {
        spaceId = id
        documentList.currentIndex = -1
    }
    function openDocument(id) {
        controller.openDocument(id)
        const row = documentModel.rowOf(id)
        documentList.currentIndex = row
        if (row >= 0)
            documentList.positionViewAtIndex(row, ListView.Contain)
    }
    // A search result: its space, the document, the match selected.
    function openResult(hit) {
        if (page.spaceId !== "" && page.spaceId !== hit.spaceId)
            showSpace(hit.spaceId)
        openDocument(hit.documentId)
        editor.showMatch(hit.position, hit.length)
    }
    function focusSearch() {
        searchField.forceActiveFocus()
        searchField.selectAll()
    }
    // "space/<id>", "document/<id>", "search/<text>", "preview" (the first
    // document with its preview), "record/spaces/<id>",
    // "record/documents/<id>" (Ctrl+K); anything else opens the first
    // space and its first document.
    function openPlace(place) {
        placeOpened = true
        const parts = place.split("/")
        const rest = parts.slice(1).join("/")
        if ((parts[0] === "record" && parts[1] === "documents") || parts[0] === "document") {
            const id = parts[0] === "record" ? parts[2] : rest
            controller.openDocument(id)
            showSpace(controller.spaceId)
            openDocument(id)
        } else if ((parts[0] === "record" && parts[1] === "spaces") || parts[0] === "space") {
            showSpace(parts[0] === "record" ? parts[2] : rest)
            Qt.callLater(openFirst)
        } else if (parts[0] === "preview") {
            openStart()
            if (!editor.previewShown)
                editor.togglePreview()
        } else if (parts[0] === "search") {
            openStart()
            searchField.text = decodeURIComponent(rest)
            focusSearch()
        } else {
            openStart()
        }
    }
    function openStart() {
        showSpace(spaceModel.count > 0 ? spaceModel.spaceIdAt(0) : "")
        openFirst()
    }
    function openFirst() {
        if (documentModel.count > 0)
            openDocument(documentModel.documentIdAt(0))
    }
    function deleteCurrent() {
        if (controller.documentId === "")
            return
        controller.save()
        page.deleteRequested(controller.documentId, controller.title, "documents")
    }
    // A file as a new document in the open space; a refused file's
    // sentence in the notice.
    function importFrom(url) {
        const id = controller.importFile(url, page.spaceId)
        page.notice = id === "" ? page.fileErrorText(controller.fileError) : ""
        if (id !== "")
            page.openDocument(id)
        return id
    }
    function fileErrorText(error) {
        switch (error) {
        case FileError.TooLarge:
            return qsTr("This file is larger than 5 MB. Context opens Markdown and text files up to 5 MB.")
        case FileError.NotText:
            return qsTr("This file is not UTF-8 text. Context opens Markdown (.md) and text (.txt) files saved as UTF-8.")
        case FileError.Unreadable:
            return qsTr("The file could not be read. Check that it still exists and that you may open it.")
        case FileError.Unwritable:
            return qsTr("The file could not be written. Choose another folder or name.")
        case FileError.Refused:
            return qsTr("The document could not be saved, so nothing was imported.")
        }
        return ""
    }

    onSelectedIdChanged: if (selectedId !== controller.documentId) controller.openDocument(selectedId)
    Component.onCompleted: Qt.callLater(() => { if (!placeOpened && controller.documentId === "") openStart() })

    ContextController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        linkColor: Theme.accent
        codeBackground: Theme.dark ? "#2c2d34" : "#ececf1"
        quoteColor: Theme.mutedText
        onDocumentChanged: page.selectedId = documentId
    }
    SpaceListModel {
        id: spaceModel
        store: page.shell ? page.shell.storeObject : null
        onDataChanged: page.spaceRevision++
        onCountChanged: page.spaceRevision++
    }
    DocumentListModel {
        id: documentModel
        store: page.shell ? page.shell.storeObject : null
        spaceId: page.spaceId
    }
    Timer {
        id: searchDelay
        interval: 150
        onTriggered: controller.search(searchField.text)
    }

    Shortcut { sequences: [StandardKey.Find]; onActivated: page.focusSearch() }
    Shortcut { sequence: "Ctrl+E"; onActivated: editor.togglePreview() }
    Shortcut { sequences: [StandardKey.Save]; onActivated: controller.save() }

    FileDialog {
        id: importDialog
        title: qsTr("Import a Markdown file")
        nameFilters: [qsTr("Markdown and text files (*.md *.markdown *.txt)"), qsTr("All files (*)")]
        onAccepted: page.importFrom(selectedFile)
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export as Markdown")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "md"
        nameFilters: [qsTr("Markdown files (*.md)")]
        onAccepted: page.notice = controller.exportFile(selectedFile) ? "" : page.fileErrorText(controller.fileError)
    }
    SpaceDialog {
        id: spaceDialog
        parent: Overlay.overlay
        suggestedPrefix: controller.suggestedPrefix(name)
        onAccepted: {
            const id = controller.saveSpace(editId, name, prefix, description)
            if (id !== "" && editId === "") {
                page.showSpace(id)
                spaceList.currentIndex = spaceModel.rowOf(id)
            }
        }
    }
    Menu {
        id: spaceMenu
        property string spaceId: ""
        property bool pinned: false
        property var record: ({})
        MenuItem {
            text: spaceMenu.pinned ? qsTr("Unpin space") : qsTr("Pin space")
            onTriggered: controller.setSpacePinned(spaceMenu.spaceId, !spaceMenu.pinned)
        }
        MenuItem {
            text: qsTr("Edit space…")
            onTriggered: spaceDialog.openEdit(spaceMenu.spaceId, spaceMenu.record.name, spaceMenu.record.prefix, spaceMenu.record.description)
        }
        MenuItem {
            text: qsTr("Delete space")
            onTriggered: page.deleteRequested(spaceMenu.spaceId, spaceMenu.record.name, "spaces")
        }
    }
    Menu {
        id: documentMenu
        property string documentId: ""
        property bool pinned: false
        property string docTitle: ""
        MenuItem {
            text: documentMenu.pinned ? qsTr("Unpin document") : qsTr("Pin document")
            onTriggered: controller.setDocumentPinned(documentMenu.documentId, !documentMenu.pinned)
        }
        MenuItem {
            // The shell's form: the space (moving it), the short ID, the
            // metadata.
            text: qsTr("Edit details…")
            onTriggered: {
                controller.save()
                page.editRequested(documentMenu.documentId)
            }
        }
        MenuItem {
            text: qsTr("Delete document")
            onTriggered: {
                controller.save()
                page.deleteRequested(documentMenu.documentId, documentMenu.docTitle, "documents")
            }
        }
    }

    Rectangle { anchors.fill: parent; color: Theme.window }
    // A Markdown or text file dropped on the page: a new document.
    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: drop => {
            for (const url of drop.urls)
                page.importFrom(url)
            drop.accept(Qt.CopyAction)
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // The spaces.
        Rectangle {
            Layout.preferredWidth: 180
            Layout.fillHeight: true
            color: Theme.sidebar
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 8
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8
                    Label {
                        text: qsTr("Spaces")
                        font.bold: true
                        color: Theme.text
                        Layout.fillWidth: true
                    }
                    ToolButton {
                        objectName: "newSpaceButton"
                        text: "+"
                        font.pixelSize: 18
                        onClicked: spaceDialog.openNew()
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("New space")
                    }
                }
                ItemDelegate {
                    objectName: "allDocumentsRow"
                    Layout.fillWidth: true
                    highlighted: page.spaceId === ""
                    text: qsTr("All documents")
                    onClicked: { page.showSpace(""); spaceList.currentIndex = -1 }
                }
                ListView {
                    id: spaceList
                    objectName: "spaceList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: spaceModel
                    currentIndex: -1
                    section.property: "pinned"
                    section.delegate: Label {
                        required property string section
                        text: section === "true" ? qsTr("Pinned") : qsTr("Other spaces")
                        leftPadding: 8
                        topPadding: 8
                        bottomPadding: 2
                        font.pixelSize: 11
                        font.capitalization: Font.AllUppercase
                        color: Theme.mutedText
                    }
                    delegate: ItemDelegate {
                        id: spaceRow
                        required property int index
                        required property string spaceId
                        required property string name
                        required property string description
                        required property bool pinned
                        required property string prefix
                        width: ListView.view.width
                        highlighted: page.spaceId === spaceId
                        contentItem: RowLayout {
                            Label {
                                text: spaceRow.name
                                elide: Text.ElideRight
                                color: Theme.text
                                font.bold: spaceRow.highlighted
                                Layout.fillWidth: true
                            }
                            // The space's menu without a right-click.
                            ToolButton {
                                objectName: "spaceMenuButton"
                                text: "⋯"
                                flat: true
                                implicitWidth: 26
                                implicitHeight: 22
                                opacity: spaceRow.hovered || spaceRow.highlighted ? 1 : 0
                                onClicked: spaceRow.openMenu()
                                Accessible.name: qsTr("Space actions")
                            }
                        }
                        function openMenu() {
                            spaceMenu.spaceId = spaceRow.spaceId
                            spaceMenu.pinned = spaceRow.pinned
                            spaceMenu.record = { name: spaceRow.name, prefix: spaceRow.prefix, description: spaceRow.description }
                            spaceMenu.popup()
                        }
                        onClicked: {
                            spaceList.currentIndex = index
                            page.showSpace(spaceId)
                        }
                        TapHandler {
                            acceptedButtons: Qt.RightButton
                            onTapped: spaceRow.openMenu()
                        }
                    }
                }
                Label {
                    objectName: "spacesEmpty"
                    visible: spaceModel.count === 0
                    Layout.fillWidth: true
                    Layout.margins: 8
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pixelSize: 12
                    text: qsTr("No spaces yet. Click + to create one: a space groups documents, like a project or a topic.")
                }
            }
        }
        Rectangle { Layout.preferredWidth: 1; Layout.fillHeight: true; color: Theme.border }

        // The documents, or the search's results.
        ColumnLayout {
            Layout.preferredWidth: 260
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 6
            TextField {
                id: searchField
                objectName: "searchField"
                Layout.fillWidth: true
                Layout.margins: 8
                Layout.bottomMargin: 0
                placeholderText: qsTr("Search all documents (Ctrl+F)")
                onTextChanged: searchDelay.restart()
                Keys.onReturnPressed: if (controller.searchResults.length > 0) page.openResult(controller.searchResults[Math.max(0, resultList.currentIndex)])
                Keys.onEnterPressed: if (controller.searchResults.length > 0) page.openResult(controller.searchResults[Math.max(0, resultList.currentIndex)])
                Keys.onDownPressed: resultList.incrementCurrentIndex()
                Keys.onUpPressed: resultList.decrementCurrentIndex()
                Keys.onEscapePressed: { text = ""; editor.sourceArea.forceActiveFocus() }
            }
            RowLayout {
                visible: !page.searching
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 8
                Label {
                    objectName: "spaceTitle"
                    text: page.spaceId === "" ? qsTr("All documents") : (page.spaceRevision, controller.spaceName(page.spaceId))
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                ToolButton {
                    objectName: "importButton"
                    flat: true
                    text: qsTr("Import…")
                    font.pixelSize: 12
                    onClicked: importDialog.open()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Open a .md or .txt file as a new document")
                }
            }
            Label {
                objectName: "notice"
                visible: page.notice !== ""
                text: page.notice
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.margins: 8
                padding: 8
                color: Theme.noticeText
                background: Rectangle { color: Theme.noticeBackground; radius: Theme.radius }
                TapHandler { onTapped: page.notice = "" }
            }
            ListView {
                id: documentList
                objectName: "documentList"
                visible: !page.searching
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: documentModel
                currentIndex: -1
                keyNavigationEnabled: true
                onCurrentIndexChanged: if (activeFocus && currentIndex >= 0) controller.openDocument(documentModel.documentIdAt(currentIndex))
                section.property: "pinned"
                section.delegate: Label {
                    required property string section
                    text: section === "true" ? qsTr("Pinned") : qsTr("Documents")
                    leftPadding: 16
                    topPadding: 4
                    font.pixelSize: 11
                    font.capitalization: Font.AllUppercase
                    color: Theme.mutedText
                }
                delegate: DocumentRow {
                    width: ListView.view.width
                    current: controller.documentId === documentId
                    onOpened: {
                        page.openDocument(documentId)
                        // ↑/↓ go on from here.
                        documentList.forceActiveFocus()
                    }
                    onMenuRequested: {
                        documentMenu.documentId = documentId
                        documentMenu.pinned = pinned
                        documentMenu.docTitle = title
                        documentMenu.popup()
                    }
                }
            }
            Label {
                objectName: "documentsEmpty"
                visible: !page.searching && documentModel.count === 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 16
                verticalAlignment: Text.AlignTop
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("No documents here yet. Press Ctrl+N to write the first one, or import a Markdown file.")
            }
            ListView {
                id: resultList
                objectName: "resultList"
                visible: page.searching
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: controller.searchResults
                delegate: Rectangle {
                    id: hitRow
                    required property int index
                    required property var modelData
                    width: ListView.view.width
                    height: hitColumn.implicitHeight + 16
                    color: ListView.isCurrentItem ? Theme.selection : (hitMouse.containsMouse ? Theme.hover : "transparent")
                    MouseArea {
                        id: hitMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        onClicked: { resultList.currentIndex = hitRow.index; page.openResult(hitRow.modelData) }
                    }
                    ColumnLayout {
                        id: hitColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.leftMargin: 16
                        anchors.rightMargin: 12
                        spacing: 2
                        Label { text: hitRow.modelData.title || qsTr("Untitled"); color: Theme.text; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: [hitRow.modelData.spaceName, hitRow.modelData.shortId].filter(s => s).join(" · ")
                            visible: text !== ""
                            color: Theme.mutedText
                            font.pixelSize: 11
                        }
                        Label {
                            text: hitRow.modelData.snippet
                            textFormat: Text.StyledText
                            wrapMode: Text.Wrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                            color: Theme.mutedText
                            font.pixelSize: 12
                            Layout.fillWidth: true
                        }
                    }
                }
            }
            Label {
                objectName: "searchEmpty"
                visible: page.searching && controller.searchResults.length === 0 && !searchDelay.running
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 16
                verticalAlignment: Text.AlignTop
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("Nothing found for “%1”. The search finds words that start with what you type, in titles and text.").arg(searchField.text.trim())
            }
        }
        Rectangle { Layout.preferredWidth: 1; Layout.fillHeight: true; color: Theme.border }

        // The editor.
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Always visible: layouts inside an item that turns visible do
            // not place children whose size changed while hidden (Qt 6.4),
            // so the empty state covers it instead.
            ContextEditor {
                id: editor
                anchors.fill: parent
                controller: controller
                language: page.language
                onDeleteRequested: page.deleteCurrent()
                onExportRequested: {
                    // A full URL: a bare name is a relative URL the dialog
                    // does not resolve.
                    exportDialog.selectedFile = exportDialog.currentFolder + "/"
                                                + encodeURIComponent(controller.exportFileName())
                    exportDialog.open()
                }
            }
            Rectangle {
                objectName: "editorEmpty"
                anchors.fill: parent
                visible: controller.documentId === ""
                color: Theme.window
                // Takes the clicks and keys the hidden editor would get.
                MouseArea { anchors.fill: parent }
                Label {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 420)
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    text: qsTr("Choose a document on the left, or press Ctrl+N to write a new one in Markdown.")
                }
            }
        }
    }
}
