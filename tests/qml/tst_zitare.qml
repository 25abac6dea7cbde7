import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaZitare

// Zitare's page as a person uses it: the quote of the day at the top, the
// seeded list and favourites as real quotes, the authors, the search
// (Ctrl+F), the keys (arrows, F, Ctrl+C), a new list from "Add to list",
// and an entry whose quote is not in the collection shown as missing.
TestCase {
    id: testCase
    name: "Zitare"
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
        id: copiedSpy
        signalName: "copied"
    }

    function openZitare(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("zitare" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        const page = view.currentPage.ownPage
        tryVerify(() => page.quoteList.count > 0)
        return page
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
    function navEntry(page, name) {
        return findChild(findChild(page, "zitareNavigation"), name)
    }

    function test_1_seedsAreCorpusQuotes() {
        const page = openZitare("")
        const controller = page.controller
        compare(controller.lists.length, 1)
        const inspiration = controller.lists[0]
        compare(inspiration.name, "Inspiration")
        compare(inspiration.count, 3)
        for (let i = 0; i < inspiration.quoteIds.length; ++i)
            verify(!controller.quote(inspiration.quoteIds[i]).missing, inspiration.quoteIds[i])
        compare(controller.favoriteIds.length, 2)
        for (let i = 0; i < controller.favoriteIds.length; ++i)
            verify(!controller.quote(controller.favoriteIds[i]).missing)

        mouseClick(navEntry(page, "navList_" + inspiration.id))
        compare(page.view, ZitareView.List)
        tryCompare(page.quoteList, "count", 3)
        compare(findChild(page, "viewTitle").text, "Inspiration")
        const first = page.quoteList.itemAtIndex(0)
        verify(findChild(first, "rowText").text.length > 10)
        verify(!findChild(first, "missingText").visible)
    }

    function test_2_quoteOfTheDayIsTheControllers() {
        const page = openZitare("")
        const card = findChild(page, "quoteOfTheDay")
        const day = page.controller.quoteOfTheDay
        verify(day.id !== "")
        compare(findChild(card, "dayText").text, day.text)
        compare(findChild(card, "dayAttribution").text, "— " + day.attribution)
        verify(findChild(card, "dayTitle").text.indexOf(page.controller.todayText) > 0)
        // The heart on the card writes a favourite and back.
        const before = page.controller.isFavorite(day.id)
        const heart = findChild(card, "day_favoriteButton")
        waitForRendering(card) // the card's text wraps, and moves the buttons, once laid out
        mouseClick(heart)
        tryVerify(() => page.controller.quoteOfTheDay.favorite === !before)
        verify(findChild(card, "day_favoriteButton").text === (before ? "♡" : "♥"))
        mouseClick(findChild(card, "day_favoriteButton"))
        tryVerify(() => page.controller.quoteOfTheDay.favorite === before)
    }

    function test_3_authorsAndSearch() {
        const page = openZitare("")
        compare(page.quoteList.count, page.controller.quoteCount)
        const authors = page.controller.authors
        verify(authors.length >= 30)
        const index = authors.findIndex(a => a.name === "Wilhelm Busch")
        verify(index >= 0)
        mouseClick(navEntry(page, "navAuthor_" + index))
        compare(page.view, ZitareView.Author)
        tryCompare(page.quoteList, "count", authors[index].count)

        keySequence("Ctrl+F")
        tryVerify(() => page.searchField.activeFocus)
        typeText("likor") // folded: finds "Likör"
        tryCompare(page.quoteList, "count", 1)
        compare(page.quotes.get(0).id, "busch-fromme-helene-likoer")
        compare(findChild(page, "viewCount").text, "1 of " + authors[index].count)
        typeText(" xyz")
        tryCompare(page.quoteList, "count", 0)
        verify(findChild(page, "emptyText").visible)
        verify(findChild(page, "emptyText").text.indexOf("likor xyz") >= 0)
        keyClick(Qt.Key_Escape) // clears, and the list has the keys again
        compare(page.searchField.text, "")
        tryVerify(() => page.quoteList.activeFocus)
        compare(page.quoteList.count, authors[index].count)
    }

    function test_4_keysMoveFavouriteAndCopy() {
        const page = openZitare("")
        page.quoteList.forceActiveFocus()
        compare(page.quoteList.currentIndex, 0)
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Down)
        compare(page.quoteList.currentIndex, 2)
        const id = page.quotes.get(2).id
        const before = page.controller.isFavorite(id)
        keyClick(Qt.Key_F)
        compare(page.controller.isFavorite(id), !before)
        tryVerify(() => page.quotes.get(2).favorite === !before)
        keyClick(Qt.Key_F)
        compare(page.controller.isFavorite(id), before)

        copiedSpy.target = page.controller
        copiedSpy.clear()
        keySequence(StandardKey.Copy)
        compare(copiedSpy.count, 1)
        compare(copiedSpy.signalArguments[0][0], id)
        tryVerify(() => findChild(page, "noticeText").visible)
        verify(page.controller.clipboardText(id).startsWith("«"))
    }

    function test_5_newListFromAddToList() {
        const page = openZitare("")
        const row = page.quoteList.itemAtIndex(0)
        const quoteId = row.quote.id
        mouseClick(findChild(row, "addToListButton"))
        const menu = findChild(page, "addToListMenu")
        tryVerify(() => menu.opened)
        mouseClick(findChild(menu.contentItem, "addToNewList") || menu.itemAt(menu.count - 1))
        const dialog = findChild(page, "listDialog")
        tryVerify(() => dialog.opened)
        typeText("Courage")
        keyClick(Qt.Key_Return)
        tryVerify(() => !dialog.visible)
        const list = page.controller.lists.find(l => l.name === "Courage")
        verify(list)
        compare(list.quoteIds.length, 1)
        compare(list.quoteIds[0], quoteId)
        // The new list is open.
        compare(page.view, ZitareView.List)
        compare(page.listId, list.id)
        tryCompare(page.quoteList, "count", 1)
        // Removed from the list there, the list says what to do.
        mouseClick(findChild(page.quoteList.itemAtIndex(0), "removeFromListButton"))
        tryCompare(page.quoteList, "count", 0)
        verify(findChild(page, "emptyText").visible)
        verify(findChild(page, "emptyText").text.indexOf("Add to list") >= 0)
    }

    function test_6_missingQuoteIsShownNotHidden() {
        const page = openZitare("favorites")
        compare(page.view, ZitareView.Favorites)
        const before = page.quoteList.count
        verify(page.controller.setFavorite("quote-seneca-luck", true))
        tryCompare(page.quoteList, "count", before + 1)
        const row = page.quoteList.itemAtIndex(0) // newest first
        compare(row.quote.id, "quote-seneca-luck")
        verify(row.quote.missing)
        verify(findChild(row, "missingText").visible)
        verify(findChild(row, "missingText").text.indexOf("quote-seneca-luck") >= 0)
        mouseClick(findChild(row, "removeMissingButton"))
        tryCompare(page.quoteList, "count", before)
        verify(!page.controller.isFavorite("quote-seneca-luck"))
    }
}
