import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaQuestions

// Questions' page as a person uses it: the seeds on the board in their
// columns, a card moved by Ctrl+Right, its menu and a drag, the list sorted by
// its header, a question opened by Enter, an answer with a source (a
// refused address first), accepted (one Undo takes it back) and rated,
// tags and search, Ctrl+N in the chosen collection, and a question deleted.
TestCase {
    id: testCase
    name: "Questions"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }
    SignalSpy {
        id: undoSpy
        signalName: "undoOffered"
    }

    function openQuestions(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("questions" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        return view.currentPage.ownPage
    }
    function column(page, status) {
        return findChild(page.board, "boardColumn_" + status)
    }
    function idsOf(model) {
        const ids = []
        for (let i = 0; i < model.count; ++i)
            ids.push(model.questionIdAt(i))
        return ids
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
    function cardOf(page, status, id) {
        const cards = findChild(column(page, status), "columnCards")
        for (let i = 0; i < cards.count; ++i) {
            const item = cards.itemAtIndex(i)
            if (item && item.questionId === id)
                return item
        }
        return null
    }

    function test_1_boardShowsTheSeedsInTheirColumns() {
        const page = openQuestions("")
        verify(page.boardShown)
        tryVerify(() => page.board.visible)
        tryCompare(column(page, "open").model, "count", 1)
        compare(idsOf(column(page, "open").model), ["seed-questions-sleep"])
        compare(idsOf(column(page, "answered").model), ["seed-questions-sky"])
        compare(column(page, "researching").model.count, 0)
        compare(column(page, "archived").model.count, 0)
        compare(findChild(column(page, "answered"), "columnCount").text, "1")
        const sky = cardOf(page, "answered", "seed-questions-sky")
        verify(sky)
        compare(findChild(sky, "answerCount").text, "1 answer")
        // The collections: All and the seeded one, counted.
        compare(page.controller.totalCount, 2)
        compare(page.controller.collections.length, 1)
        compare(page.controller.collections[0].name, "Curious")
        compare(page.controller.collections[0].count, 2)
        // The keys work at once: Down selects the first card, Right the next column's.
        keyClick(Qt.Key_Down)
        compare(page.board.currentId, "seed-questions-sleep")
        keyClick(Qt.Key_Right)
        compare(page.board.currentId, "seed-questions-sky")
    }

    function test_2_moveACardByKeysAndByItsMenu() {
        const page = openQuestions("")
        tryCompare(column(page, "open").model, "count", 1)
        const card = cardOf(page, "open", "seed-questions-sleep")
        verify(card)
        mouseClick(card)
        compare(page.board.currentId, "seed-questions-sleep")
        keyClick(Qt.Key_Right, Qt.ControlModifier)
        tryCompare(column(page, "researching").model, "count", 1)
        compare(column(page, "open").model.count, 0)
        compare(page.controller.question("seed-questions-sleep").status, "researching")
        // The selection follows the card; Ctrl+Left brings it back.
        keyClick(Qt.Key_Left, Qt.ControlModifier)
        tryCompare(column(page, "open").model, "count", 1)
        // The menu (right click, or the Menu key).
        tryVerify(() => cardOf(page, "open", "seed-questions-sleep") !== null)
        const again = cardOf(page, "open", "seed-questions-sleep")
        mouseClick(again, 20, 20, Qt.RightButton)
        tryVerify(() => page.menu.opened)
        const archive = findChild(page.menu.contentItem, "moveTo_archived") || page.menu.itemAt(5)
        verify(archive)
        compare(archive.text, "Move to Archived")
        archive.triggered()
        tryCompare(column(page, "archived").model, "count", 1)
        page.menu.close()
        verify(page.controller.setStatus("seed-questions-sleep", "open"))
        tryCompare(column(page, "open").model, "count", 1)
        // A drag onto the next column.
        tryVerify(() => cardOf(page, "open", "seed-questions-sleep") !== null)
        const dragged = cardOf(page, "open", "seed-questions-sleep")
        const step = column(page, "researching").x - column(page, "open").x
        mousePress(dragged, 20, 20)
        for (let i = 1; i <= 10; ++i)
            mouseMove(dragged, 20 + step * i / 10, 20 + i)
        mouseRelease(dragged, 20 + step, 30)
        tryCompare(column(page, "researching").model, "count", 1)
        compare(page.controller.question("seed-questions-sleep").status, "researching")
        // A drag that ends in its own column changes nothing.
        tryVerify(() => cardOf(page, "researching", "seed-questions-sleep") !== null)
        const again2 = cardOf(page, "researching", "seed-questions-sleep")
        mousePress(again2, 20, 20)
        for (let j = 1; j <= 5; ++j)
            mouseMove(again2, 20 + j * 4, 20 + j * 8)
        mouseRelease(again2, 40, 60)
        compare(page.controller.question("seed-questions-sleep").status, "researching")
        verify(page.controller.setStatus("seed-questions-sleep", "open"))
        tryCompare(column(page, "open").model, "count", 1)
    }

    function test_3_listSortsByItsHeader() {
        const page = openQuestions("")
        verify(page.controller.setPriority("seed-questions-sleep", "low"))
        keyClick(Qt.Key_L, Qt.ControlModifier)
        verify(!page.boardShown)
        tryVerify(() => page.list.visible)
        tryCompare(page.list.model, "count", 2)
        compare(page.list.model.order, QuestionOrder.Updated)
        mouseClick(findChild(page.list, "sort_" + QuestionOrder.Priority))
        tryCompare(page.list.model, "order", QuestionOrder.Priority)
        // Priority: normal before low.
        tryVerify(() => page.list.model.questionIdAt(0) === "seed-questions-sky")
        compare(idsOf(page.list.model), ["seed-questions-sky", "seed-questions-sleep"])
        mouseClick(findChild(page.list, "sort_" + QuestionOrder.Status))
        tryCompare(page.list.model, "order", QuestionOrder.Status)
        tryVerify(() => page.list.model.questionIdAt(0) === "seed-questions-sleep")
        keyClick(Qt.Key_B, Qt.ControlModifier)
        verify(page.boardShown)
        verify(page.controller.setPriority("seed-questions-sleep", "high"))
    }

    function test_4_answerWithASourceAcceptAndRate() {
        const page = openQuestions("")
        undoSpy.target = page
        undoSpy.clear()
        tryCompare(column(page, "open").model, "count", 1)
        mouseClick(cardOf(page, "open", "seed-questions-sleep"))
        keyClick(Qt.Key_Return)
        compare(page.selectedId, "seed-questions-sleep")
        tryVerify(() => page.detail.visible)
        verify(findChild(page.detail, "noAnswers").visible)

        const editor = page.detail.editor
        mouseClick(editor.contentField)
        typeText("Most adults need 7 to 9 hours.")
        const url = findChild(editor, "sourceUrl")
        mouseClick(url)
        typeText("ftp://example.org/sleep")
        keyClick(Qt.Key_Return, Qt.ControlModifier)
        // Refused before anything is written; what was typed stays.
        verify(page.controller.lastError.indexOf("Source 1") === 0, page.controller.lastError)
        compare(page.controller.citationErrorRow, 0)
        compare(page.detail.answers.length, 0)
        compare(editor.contentField.text, "Most adults need 7 to 9 hours.")
        compare(findChild(editor, "editorError").text, page.controller.lastError)
        // The page scrolls down to the editor's buttons.
        const flick = findChild(page.detail, "detailScroll").contentItem
        verify(flick.contentHeight > flick.height, flick.contentHeight + " " + flick.height)

        mouseClick(url)
        keySequence(StandardKey.SelectAll)
        typeText("https://www.sleepfoundation.org/how-sleep-works")
        keyClick(Qt.Key_Return, Qt.ControlModifier)
        tryCompare(page.detail.answers, "length", 1)
        compare(page.controller.lastError, "")
        compare(editor.contentField.text, "")
        verify(!findChild(editor, "editorError").visible)
        const answer = page.detail.answers[0]
        compare(answer.citations.length, 1)
        compare(answer.citations[0].title, "www.sleepfoundation.org")
        compare(answer.citations[0].url, "https://www.sleepfoundation.org/how-sleep-works")

        // Accept: the question is answered, one undo step offered.
        let view = findChild(page.detail, "answer_" + answer.id)
        verify(view)
        mouseClick(findChild(view, "acceptButton"))
        tryCompare(page.detail.question, "status", "answered")
        verify(page.detail.answers[0].accepted)
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "Answer accepted")

        // Stars: 4, the lit star again clears, 4 again.
        view = findChild(page.detail, "answer_" + answer.id)
        mouseClick(findChild(view, "star_4"))
        tryCompare(page.detail.answers[0], "rating", 4)
        mouseClick(findChild(findChild(page.detail, "answer_" + answer.id), "star_4"))
        tryCompare(page.detail.answers[0], "rating", 0)
        mouseClick(findChild(findChild(page.detail, "answer_" + answer.id), "star_4"))
        tryCompare(page.detail.answers[0], "rating", 4)

        // Edit: the editor loads the answer and its source; a second source.
        mouseClick(findChild(findChild(page.detail, "answer_" + answer.id), "editAnswerButton"))
        compare(editor.answerId, answer.id)
        compare(findChild(editor, "editorTitle").text, "Edit answer")
        compare(editor.contentField.text, "Most adults need 7 to 9 hours.")
        compare(editor.sources.count, 2)
        compare(editor.sources.get(0).url, "https://www.sleepfoundation.org/how-sleep-works")
        editor.contentField.forceActiveFocus()
        keyClick(Qt.Key_End, Qt.ControlModifier)
        typeText(" Teenagers need more.")
        editor.sources.setProperty(1, "url", "https://www.cdc.gov/sleep")
        keyClick(Qt.Key_Return, Qt.ControlModifier)
        tryCompare(page.detail.answers[0], "content", "Most adults need 7 to 9 hours. Teenagers need more.")
        compare(page.detail.answers[0].citations.length, 2)
        compare(page.detail.answers[0].citations[1].title, "www.cdc.gov")
        verify(page.detail.answers[0].accepted)
        compare(editor.answerId, "")

        // One Undo takes the accept back: the answer and the status.
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.detail.question, "status", "open")
        verify(!page.detail.answers[0].accepted)

        keyClick(Qt.Key_Escape)
        compare(page.selectedId, "")
        tryVerify(() => page.board.visible)
        tryVerify(() => cardOf(page, "open", "seed-questions-sleep") !== null)
        tryCompare(findChild(cardOf(page, "open", "seed-questions-sleep"), "answerCount"), "text", "1 answer")
    }

    function test_5_tagsAndSearch() {
        const page = openQuestions("question/seed-questions-sleep")
        tryVerify(() => page.detail.visible)
        waitForRendering(page.detail)
        const tagField = findChild(page.detail, "tagField")
        mouseClick(tagField)
        tryVerify(() => tagField.activeFocus)
        typeText(" Rest ")
        keyClick(Qt.Key_Return)
        tryCompare(page.detail.question.tags, "length", 2)
        compare(page.detail.question.tags[1], "Rest")
        mouseClick(findChild(page.detail, "tagField"))
        typeText("REST")
        keyClick(Qt.Key_Return)
        compare(page.detail.question.tags.length, 2)
        // Filter by a tag from its chip.
        page.showTag("rest")
        tryVerify(() => page.board.visible)
        tryCompare(column(page, "answered").model, "count", 0)
        tryCompare(column(page, "open").model, "count", 1)
        page.tagFilter = ""
        // Search finds a question by its answer's words.
        keySequence(StandardKey.Find)
        typeText("rayleigh")
        tryCompare(column(page, "open").model, "count", 0)
        tryCompare(column(page, "answered").model, "count", 1)
        verify(page.filtering)
        keyClick(Qt.Key_Escape)
        tryCompare(column(page, "open").model, "count", 1)
    }

    function test_6_newQuestionInTheChosenCollection() {
        const page = openQuestions("collection/seed-questions-curious")
        compare(page.collectionId, "seed-questions-curious")
        compare(page.presets().collectionId, "seed-questions-curious")
        keyClick(Qt.Key_N, Qt.ControlModifier)
        tryVerify(() => page.newQuestionDialog.opened)
        typeText("Why do cats purr?")
        keyClick(Qt.Key_Return)
        tryVerify(() => !page.newQuestionDialog.opened)
        verify(page.selectedId !== "")
        const made = page.controller.question(page.selectedId)
        compare(made.title, "Why do cats purr?")
        compare(made.collectionId, "seed-questions-curious")
        compare(made.status, "open")
        tryCompare(page.controller, "totalCount", 3)
        // Delete from its page: gone, with one Undo offered.
        undoSpy.target = page
        undoSpy.clear()
        mouseClick(findChild(page.detail, "deleteQuestionButton"))
        compare(page.selectedId, "")
        tryCompare(page.controller, "totalCount", 2)
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "Question “Why do cats purr?” deleted")
    }

    function test_7_emptyStateSaysWhatToDo() {
        const page = openQuestions("")
        tryCompare(page.controller, "totalCount", 2)
        undoSpy.target = page
        undoSpy.clear()
        verify(page.controller.removeQuestion("seed-questions-sky"))
        verify(page.controller.removeQuestion("seed-questions-sleep"))
        tryCompare(page.controller, "totalCount", 0)
        const empty = findChild(page, "emptyState")
        tryVerify(() => empty.visible)
        verify(empty.text.indexOf("Ctrl+N") >= 0)
        verify(!page.board.visible)
        // Both come back, the answered one with its accepted answer.
        compare(testShell.undo(undoSpy.signalArguments[1][0]), "")
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.controller, "totalCount", 2)
        verify(!empty.visible)
        verify(page.controller.answers("seed-questions-sky")[0].accepted)
    }

    function test_8_collectionMenuDeletesAndKeepsTheQuestions() {
        const page = openQuestions("collection/seed-questions-curious")
        undoSpy.target = page
        undoSpy.clear()
        const row = findChild(page, "collection_seed-questions-curious")
        verify(row)
        mouseClick(row, 20, 10, Qt.RightButton)
        const menu = findChild(page, "collectionMenu")
        tryVerify(() => menu.opened)
        findChild(menu.contentItem, "deleteCollection").triggered()
        menu.close()
        tryCompare(page.controller.collections, "length", 0)
        compare(page.collectionId, "")
        compare(page.controller.totalCount, 2)
        compare(undoSpy.signalArguments[0][1], "Collection “Curious” deleted")
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.controller.collections, "length", 1)
        compare(page.controller.collections[0].count, 2)
    }
}
