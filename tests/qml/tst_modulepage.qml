import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore

// A module page loads the app's own page by the URL its manifest names and
// falls back to the generic views when that page cannot be loaded.
TestCase {
    id: testCase
    name: "ModulePage"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    Component {
        id: pageComponent
        ModulePage {
            width: 1120
            height: 720
            shell: testShell
        }
    }

    function moduleWithPage(pageUrl) {
        const todo = testShell.modules.get(testShell.modules.indexOf("todo"))
        todo.pageUrl = pageUrl
        return todo
    }

    function test_ownPageByItsManifestName() {
        const todo = moduleWithPage(testShell.modules.get(testShell.modules.indexOf("todo")).pageUrl)
        compare(todo.pageUrl, "qrc:/ManaTodo/TodoView.qml")
        const page = createTemporaryObject(pageComponent, testCase, { module: todo })
        tryVerify(() => page.ownPage !== null)
        verify(page.ownView)
        compare(page.records, null)
        verify(findChild(page.ownPage, "todoViewTitle"))
    }

    function test_missingPageFallsBackToTheGenericViews() {
        ignoreWarning(/could not be loaded; showing the generic views/)
        const page = createTemporaryObject(pageComponent, testCase,
                                           { module: moduleWithPage("qrc:/ManaMissing/NoSuchPage.qml") })
        tryVerify(() => page.records !== null)
        compare(page.ownView, false)
        compare(page.ownPage, null)
    }
}
