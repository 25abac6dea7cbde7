import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore

// The sidebar, Ctrl+1…9 and the quick switcher move between module pages.
TestCase {
    id: testCase
    name: "Navigation"
    when: windowShown
    // TestCase is invisible by default; the components under test need a
    // visible parent to receive clicks.
    visible: true
    width: 1120
    height: 720

    // keySequence() parses shortcuts; this types text key by key.
    function typeText(text) {
        for (let i = 0; i < text.length; ++i) {
            const c = text.charAt(i)
            if (c === " ")
                keyClick(Qt.Key_Space)
            else
                keyClick(c)
        }
    }

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }

    function createShell() {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        tryCompare(view, "currentIndex", 0)
        return view
    }

    function pageTitle(view) {
        return findChild(view.currentPage, "moduleTitle").text
    }

    function test_firstModuleOpensAndOthersAreNotLoaded() {
        const view = createShell()
        verify(view.currentPage !== null)
        compare(pageTitle(view), testShell.modules.get(0).name)
        // Pages load on demand: the second module has no page yet.
        const secondLoader = findChild(view, "pageLoader_1")
        verify(secondLoader)
        compare(secondLoader.active, false)
    }

    function test_clickingSidebarItemOpensModule() {
        const view = createShell()
        const row = testShell.modules.indexOf("calendar")
        verify(row > 0)
        let item = null
        tryVerify(() => (item = findChild(view, "moduleItem_calendar")) !== null)
        mouseClick(item)
        compare(view.currentIndex, row)
        tryVerify(() => view.currentPage !== null && pageTitle(view) === "Calendar")
        compare(testSettings.lastModule, "calendar")
        compare(findChild(view, "pageLoader_" + row).active, true)
    }

    function test_ctrlNumberSwitchesApps() {
        const view = createShell()
        view.forceActiveFocus()
        keyClick(Qt.Key_2, Qt.ControlModifier)
        compare(view.currentIndex, 1)
        compare(pageTitle(view), testShell.modules.get(1).name)
        keyClick(Qt.Key_9, Qt.ControlModifier)
        compare(view.currentIndex, 8)
        keyClick(Qt.Key_1, Qt.ControlModifier)
        compare(view.currentIndex, 0)
    }

    function test_quickSwitcherFindsAndOpens() {
        const view = createShell()
        view.forceActiveFocus()
        keyClick(Qt.Key_K, Qt.ControlModifier)
        const switcher = view.switcher
        tryCompare(switcher, "opened", true)
        compare(switcher.results.length, testShell.modules.count)

        typeText("cal")
        compare(switcher.text, "cal")
        compare(switcher.results.length, 1)
        compare(switcher.results[0].moduleId, "calendar")
        keyClick(Qt.Key_Return)
        tryCompare(switcher, "opened", false)
        compare(view.currentIndex, testShell.modules.indexOf("calendar"))
    }

    function test_quickSwitcherFindsRecords() {
        const view = createShell()
        view.switcher.open()
        tryCompare(view.switcher, "opened", true)
        // The seeded contact "Ada" and the Todo seed "Go shopping".
        typeText("shopping")
        compare(view.switcher.results.length, 0)
        verify(view.switcher.recordResults.length >= 1)
        verify(view.switcher.entries[0].isRecord)
        const found = view.switcher.entries[0].record
        compare(found.title, "Go shopping")
        compare(found.moduleId, "todo")
        compare(found.collection, "tasks")
        compare(found.moduleName, "Todo")
        verify(!findChild(view.switcher.contentItem, "switcherEmpty").visible)
        keyClick(Qt.Key_Return)
        tryCompare(view.switcher, "opened", false)
        compare(view.currentIndex, testShell.modules.indexOf("todo"))
        tryCompare(view.currentPage.ownPage, "selectedId", found.id)

        // A record of a generic module opens its tab and its details.
        view.switcher.open()
        tryCompare(view.switcher, "opened", true)
        typeText("Monstera")
        const plantEntry = view.switcher.entries.find(e => e.isRecord && e.record.moduleId === "planta")
        verify(plantEntry)
        const plant = plantEntry.record
        view.switcher.choose(view.switcher.entries.indexOf(plantEntry))
        tryCompare(view, "currentIndex", testShell.modules.indexOf("planta"))
        tryCompare(view.currentPage, "selectedId", plant.id)
    }

    function test_quickSwitcherKeyboardAndEscape() {
        const view = createShell()
        view.switcher.open()
        tryCompare(view.switcher, "opened", true)
        typeText("o")
        const matches = view.switcher.results.length
        verify(matches > 1)
        keyClick(Qt.Key_Down)
        compare(view.switcher.currentIndex, 1)
        const expected = view.switcher.results[1].row
        keyClick(Qt.Key_Enter)
        tryCompare(view.switcher, "opened", false)
        compare(view.currentIndex, expected)

        view.switcher.open()
        tryCompare(view.switcher, "opened", true)
        typeText("zzzz")
        compare(view.switcher.results.length, 0)
        verify(findChild(view.switcher.contentItem, "switcherEmpty").visible)
        keyClick(Qt.Key_Escape)
        tryCompare(view.switcher, "opened", false)
        compare(view.currentIndex, expected)
    }

    function test_ctrlNCreatesRecordInCurrentModule() {
        const view = createShell()
        view.openModuleById("todo")
        tryVerify(() => view.currentPage !== null && pageTitle(view) === "Todo")
        const before = testShell.recordCount("todo", "tasks")
        view.forceActiveFocus()
        keyClick(Qt.Key_N, Qt.ControlModifier)
        const form = findChild(view.currentPage, "recordFormDialog")
        tryCompare(form, "opened", true)
        // A popup's items hang under its contentItem, not under the page.
        tryVerify(() => findChild(form.contentItem, "input_title") !== null && findChild(form.contentItem, "input_title").activeFocus)
        typeText("Water the plants")
        keyClick(Qt.Key_Return)
        tryVerify(() => testShell.recordCount("todo", "tasks") === before + 1)
    }

    function test_ctrlCommaOpensSettingsAndEscapeCloses() {
        const view = createShell()
        view.forceActiveFocus()
        keyClick(Qt.Key_Comma, Qt.ControlModifier)
        tryCompare(view.settingsDialog, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(view.settingsDialog, "opened", false)
    }
}
