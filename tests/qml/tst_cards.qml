import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaCards

// ManaDeck's page as a person uses it: the seeded deck with its five new
// cards, a session studied by keys (Space flips, 1–4 answer, each button
// showing its interval), Again bringing a card back, the summary, and a
// card added through the editor.
TestCase {
    id: testCase
    name: "Cards"
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

    function openCards(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("cards" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        return view.currentPage.ownPage
    }
    function seededRow(page) {
        for (let i = 0; i < page.decks.count; ++i) {
            if (page.decks.deckIdAt(i) === "seed-cards-how-it-works")
                return i
        }
        return -1
    }

    function test_1_studyBySpaceAndNumbers() {
        const page = openCards("")
        tryVerify(() => page.decks.count > 0)
        compare(page.view, CardsView.Decks)
        verify(seededRow(page) >= 0)
        page.study("seed-cards-how-it-works")
        compare(page.view, CardsView.Study)
        const controller = page.controller
        verify(controller.hasCard)
        compare(controller.card.kind, StudyKind.New)
        compare(controller.card.front, "What is spaced repetition?")
        verify(!controller.flipped)
        // The buttons' intervals of a new card: 10 min, 1 d, 1 d, 4 d.
        compare(controller.card.intervals.length, 4)
        compare(controller.card.intervals[3], 4)
        compare(page.intervalText(controller.card.intervals[0]), "10 min")
        compare(page.intervalText(controller.card.intervals[2]), "1 d")
        compare(page.intervalText(45), "1.5 mo")
        // 1 before flipping does nothing.
        keyClick(Qt.Key_1)
        compare(controller.summary.studied, 0)
        keyClick(Qt.Key_Space)
        verify(controller.flipped)
        const easy = findChild(page, "answerButton4")
        verify(easy && easy.visible)
        verify(easy.text.indexOf("4 d") === 0, easy.text)
        keyClick(Qt.Key_1) // Again: the card comes back in this session
        compare(controller.summary.again, 1)
        compare(controller.card.front, "How do I answer a card?")
        for (let i = 0; i < 4; ++i) {
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_3)
        }
        // The four other new cards are done; the Again card comes back.
        verify(controller.hasCard)
        compare(controller.card.front, "What is spaced repetition?")
        compare(controller.card.kind, StudyKind.Learning)
        keyClick(Qt.Key_Space)
        keyClick(Qt.Key_3)
        verify(!controller.hasCard)
        compare(page.view, CardsView.Summary)
        compare(controller.summary.studied, 6)
        compare(controller.summary.again, 1)
        compare(findChild(page, "summaryStudied").text, "6")
        page.showDecks()
        const row = seededRow(page)
        compare(page.decks.data(page.decks.index(row, 0), Qt.UserRole + 4), 0) // no new left
        // The review log: six answers today, one of them Again, in the chart.
        compare(controller.reviewsInPeriod, 6)
        const today = controller.reviewDays[controller.reviewDays.length - 1]
        compare(today.reviews, 6)
        compare(today.again, 1)
        const chart = findChild(page, "reviewChart")
        verify(chart && chart.visible)
        compare(findChild(page, "reviewChartTotal").text, "6 answers · 0.2 a day")
    }

    function test_2_escEndsASession() {
        let page = openCards("")
        const deck = page.controller.createDeck("Esc deck")
        verify(deck !== "")
        verify(page.controller.saveCard("", deck, "One", "1") !== "")
        verify(page.controller.saveCard("", deck, "Two", "2") !== "")
        page = openCards("study/" + deck)
        compare(page.view, CardsView.Study)
        keyClick(Qt.Key_Space)
        keyClick(Qt.Key_4)
        keyClick(Qt.Key_Escape)
        compare(page.view, CardsView.Summary)
        compare(page.controller.summary.studied, 1)
    }

    function test_3_addACardInTheEditor() {
        const page = openCards("cards/seed-cards-how-it-works")
        compare(page.view, CardsView.Cards)
        tryVerify(() => page.cards.count === 5)
        page.createNew()
        tryVerify(() => page.editor.opened)
        page.editor.frontField.text = "What is **SM-2**?"
        page.editor.backField.text = "The *SuperMemo 2* algorithm."
        keyClick(Qt.Key_Return, Qt.ControlModifier)
        tryVerify(() => !page.editor.opened)
        tryVerify(() => page.cards.count === 6)
        compare(page.cards.data(page.cards.index(5, 0), Qt.UserRole + 2), "What is **SM-2**?")
    }
}
