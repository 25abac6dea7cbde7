import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaContext

// Context's page as a person uses it: the seeded welcome document opened
// with its space, typing that changes the preview and the counts, a
// switch to another document and back with the text saved, the search
// across documents opening a result at its match, Ctrl+N, pinning, and
// the empty states.
TestCase {
    id: testCase
    name: "Context"
    when: windowShown
    visible: true
    width: 1400
    height: 800

    Component {
        id: shellComponent
        Shell {
            width: 1400
            height: 800
            shell: testShell
            settings: testSettings
        }
    }

    function openContext(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("context" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        return view.currentPage.ownPage
    }
    function typeText(text) {
        for (let i = 0; i < text.length; ++i) {
            if (text[i] === "\n")
                keyClick(Qt.Key_Return)
            else
                keyClick(text[i])
        }
    }

    function test_1_typeSeeThePreviewAndTheCounts() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        compare(page.spaceId, "seed-context-getting-started")
        tryCompare(page.documents, "count", 3)
        const source = page.editor.sourceArea
        verify(source.text.indexOf("# Welcome to Context") === 0)
        compare(page.editor.titleField.text, "Welcome to Context")
        compare(findChild(page, "shortIdLabel").text, "GS-1")
        // The side-by-side preview renders the Markdown: no hashes.
        verify(page.editor.sideBySide)
        verify(page.editor.previewShown)
        verify(page.editor.preview.visible)
        const words = page.controller.wordCount
        compare(words, 145)
        verify(page.editor.statusLabel.text.indexOf("145 words") === 0, page.editor.statusLabel.text)
        verify(page.editor.statusLabel.text.indexOf("≈ ") > 0)

        source.forceActiveFocus()
        source.cursorPosition = source.length
        typeText("\nZebra crossing")
        compare(page.controller.wordCount, words + 2)
        verify(page.editor.statusLabel.text.indexOf("147 words") === 0, page.editor.statusLabel.text)
        tryVerify(() => page.editor.preview.getText(0, page.editor.preview.length).indexOf("Zebra crossing") >= 0)
        // Rendered, not the source: no heading marks, the link's text only.
        const shown = page.editor.preview.getText(0, page.editor.preview.length)
        verify(shown.indexOf("Welcome to Context") === 0, shown.slice(0, 40))
        verify(shown.indexOf("**Markdown**") < 0)
        verify(shown.indexOf("commonmark.org") < 0)
        verify(page.controller.dirty)
        tryVerify(() => !page.controller.dirty, 3000) // saved after the pause
        compare(findChild(page, "saveState").text, "Saved")

        // Ctrl+E hides the preview and brings it back.
        keyClick(Qt.Key_E, Qt.ControlModifier)
        verify(!page.editor.preview.visible)
        keyClick(Qt.Key_E, Qt.ControlModifier)
        verify(page.editor.preview.visible)
        // The button and the key agree.
        const button = findChild(page, "previewButton")
        verify(button.checked)
        mouseClick(button)
        verify(!page.editor.preview.visible)
        verify(!button.checked)
        keyClick(Qt.Key_E, Qt.ControlModifier)
        verify(page.editor.preview.visible)
        verify(button.checked)
    }

    function test_2_switchingDocumentsKeepsTheText() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        page.controller.saveDelay = 60000 // only the switch can save it
        const source = page.editor.sourceArea
        source.forceActiveFocus()
        source.cursorPosition = 0
        typeText("Draft ")
        verify(page.controller.dirty)
        // A click on another document in the list.
        const list = page.documentList
        const row = page.documents.rowOf("seed-context-summarise")
        verify(row >= 0)
        list.positionViewAtIndex(row, ListView.Contain)
        const item = list.itemAtIndex(row)
        verify(item)
        mouseClick(item)
        compare(page.controller.documentId, "seed-context-summarise")
        verify(!page.controller.dirty)
        verify(source.text.indexOf("Summarise") === 0)
        // The list has the keys now: ↑ opens the one above.
        verify(row > 0)
        keyClick(Qt.Key_Up)
        compare(page.controller.documentId, page.documents.documentIdAt(row - 1))
        keyClick(Qt.Key_Down)
        compare(page.controller.documentId, "seed-context-summarise")
        page.openDocument("seed-context-welcome")
        verify(source.text.indexOf("Draft # Welcome") === 0, source.text.slice(0, 30))
        // Titles too.
        page.editor.titleField.forceActiveFocus()
        page.editor.titleField.selectAll()
        typeText("Hello")
        page.openDocument("seed-context-summarise")
        page.openDocument("seed-context-welcome")
        compare(page.editor.titleField.text, "Hello")
        page.controller.saveDelay = 500
    }

    // Closing the window destroys the page with the text still waiting for
    // its pause: the controller saves it on the way out.
    function test_2b_closingKeepsTheText() {
        testSettings.lastModule = ""
        const view = shellComponent.createObject(testCase)
        verify(view.openModuleById("context"))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        let page = view.currentPage.ownPage
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        page.controller.saveDelay = 60000
        page.editor.sourceArea.forceActiveFocus()
        page.editor.sourceArea.cursorPosition = 0
        typeText("Closing ")
        verify(page.controller.dirty)
        view.destroy()
        wait(0)
        page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        verify(page.editor.sourceArea.text.indexOf("Closing Draft") === 0, page.editor.sourceArea.text.slice(0, 30))
    }

    function test_3_searchOpensAResultAtItsMatch() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        page.openDocument("seed-context-summarise")
        keyClick(Qt.Key_F, Qt.ControlModifier)
        verify(page.searchField.activeFocus)
        typeText("zebra")
        tryVerify(() => page.controller.searchResults.length === 1)
        verify(page.resultList.visible)
        verify(!page.documentList.visible)
        const hit = page.controller.searchResults[0]
        compare(hit.documentId, "seed-context-welcome")
        compare(hit.spaceName, "Getting started")
        verify(hit.snippet.indexOf("<b>Zebra</b>") >= 0, hit.snippet)
        keyClick(Qt.Key_Return)
        compare(page.controller.documentId, "seed-context-welcome")
        verify(page.editor.sourceArea.activeFocus)
        compare(page.editor.sourceArea.selectedText, "Zebra")
        // Nothing found says so.
        keyClick(Qt.Key_F, Qt.ControlModifier)
        typeText("qqqxyz")
        tryVerify(() => findChild(page, "searchEmpty").visible)
        keyClick(Qt.Key_Escape)
        compare(page.searchField.text, "")
        verify(page.documentList.visible)
    }

    function test_4_newDocumentPinAndEmptyStates() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        const before = page.documents.count
        keyClick(Qt.Key_N, Qt.ControlModifier)
        tryCompare(page.documents, "count", before + 1)
        verify(page.editor.titleField.activeFocus)
        compare(page.controller.shortId, "GS-4")
        typeText("Plan")
        keyClick(Qt.Key_Return)
        verify(page.editor.sourceArea.activeFocus)
        typeText("# Plan")
        compare(page.controller.spaceId, "seed-context-getting-started")
        // Pinned: at the top, before the welcome document.
        const id = page.controller.documentId
        mouseClick(findChild(page, "pinButton"))
        compare(page.documents.documentIdAt(0), id)
        compare(findChild(page, "pinButton").text, "Unpin")
        mouseClick(findChild(page, "pinButton"))
        verify(page.documents.documentIdAt(0) !== id)
        // The type.
        verify(page.controller.setType("prompt"))
        compare(page.editor.typeBox.currentIndex, 2)

        // A new, empty space.
        const space = page.controller.saveSpace("", "Empty one", "")
        verify(space !== "")
        page.showSpace(space)
        tryCompare(page.documents, "count", 0)
        verify(findChild(page, "documentsEmpty").visible)
        page.controller.openDocument("")
        verify(findChild(page, "editorEmpty").visible)
        page.createNew()
        compare(page.controller.shortId, "EO-1")
        tryCompare(page.documents, "count", 1)
    }

    function test_5_placesOpenWhatTheyName() {
        let page = openContext("document/seed-context-summarise")
        compare(page.controller.documentId, "seed-context-summarise")
        compare(page.spaceId, "seed-context-getting-started")
        // Ctrl+K's results.
        page = openContext("record/documents/seed-context-new-document")
        compare(page.controller.documentId, "seed-context-new-document")
        compare(page.spaceId, "seed-context-getting-started")
        page = openContext("record/spaces/seed-context-getting-started")
        compare(page.spaceId, "seed-context-getting-started")
        tryVerify(() => page.controller.documentId !== "")
        page = openContext("search/prompt")
        tryVerify(() => page.controller.searchResults.length >= 1)
    }

    function test_6_aRefusedImportSaysWhy() {
        const page = openContext("")
        const before = page.documents.count
        compare(page.importFrom("file:///nonexistent/notes.md"), "")
        compare(page.controller.fileError, FileError.Unreadable)
        const notice = findChild(page, "notice")
        verify(notice.visible)
        verify(notice.text.indexOf("could not be read") >= 0, notice.text)
        compare(page.documents.count, before)
        for (const error of [FileError.TooLarge, FileError.NotText, FileError.Unwritable, FileError.Refused])
            verify(page.fileErrorText(error).length > 30)
        compare(page.fileErrorText(FileError.None), "")

        // Export… proposes the title as the file name.
        page.openDocument("seed-context-summarise")
        mouseClick(findChild(page, "exportButton"))
        const proposed = page.exportDialog.selectedFile.toString()
        // ":" is not allowed in file names on Windows: it becomes "-".
        verify(proposed.endsWith("/Prompt-%20summarise%20a%20text.md")
               || proposed.endsWith("/Prompt- summarise a text.md"), proposed)
        page.exportDialog.close()
    }

    // Tags: the seed's chip, one added with Enter, a duplicate refused with
    // a sentence, Backspace in the empty field and ✕ removing them, all
    // kept in the store.
    function test_7_tagsAddAndRemove() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        compare(page.controller.tags, ["welcome"])
        const flow = findChild(page, "tagFlow")
        const field = page.editor.tagField
        verify(flow.visible && field.visible)
        mouseClick(field)
        verify(field.activeFocus)
        typeText("#research")
        keyClick(Qt.Key_Return)
        compare(page.controller.tags, ["welcome", "research"])
        compare(field.text, "")
        // The document list's row shows them.
        const rowTags = findChild(page.documentList.itemAtIndex(page.documents.rowOf("seed-context-welcome")), "rowTags")
        tryCompare(rowTags, "text", "#welcome #research")
        compare(findChild(page, "tagProblem").text, "")
        // Stored: a reopened document shows it.
        page.openDocument("seed-context-summarise")
        page.openDocument("seed-context-welcome")
        compare(page.controller.tags, ["welcome", "research"])
        // The same tag again, in another case: a sentence, nothing written.
        mouseClick(field)
        typeText("Research")
        keyClick(Qt.Key_Return)
        compare(page.controller.tags, ["welcome", "research"])
        verify(findChild(page, "tagProblem").text.indexOf("already has this tag") >= 0)
        // tools/screenshots.sh: the sentence as it shows.
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(page).save(screenshotDirectory + "/context-tag-duplicate.png")
        }
        compare(field.text, "Research")
        // Typing clears the sentence; Backspace in the empty field removes
        // the last tag.
        field.selectAll()
        keyClick(Qt.Key_Backspace)
        compare(findChild(page, "tagProblem").text, "")
        keyClick(Qt.Key_Backspace)
        compare(page.controller.tags, ["welcome"])
        // The chip's ✕.
        const remove = findChild(flow, "removeTag")
        verify(remove)
        mouseClick(remove)
        compare(page.controller.tags, [])
        // Esc leaves for the text.
        mouseClick(field)
        keyClick(Qt.Key_Escape)
        verify(page.editor.sourceArea.activeFocus)
    }

    // One word in the title, another in the text: found.
    function test_8_searchAcrossFields() {
        const page = openContext("")
        tryCompare(page.controller, "documentId", "seed-context-welcome")
        const id = page.controller.createDocument(page.spaceId, "Roadmap", "The kickoff is on Monday.")
        verify(id !== "")
        keyClick(Qt.Key_F, Qt.ControlModifier)
        typeText("roadmap kickoff")
        tryVerify(() => page.controller.searchResults.length === 1)
        compare(page.controller.searchResults[0].documentId, id)
        verify(page.controller.searchResults[0].snippet.indexOf("<b>kickoff</b>") >= 0,
               page.controller.searchResults[0].snippet)
        keyClick(Qt.Key_Escape)
    }
}
