import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell

// The sign-in dialog: local checks, the session's error sentence inline,
// busy state, Esc, tab order. The session is a stand-in with the exact
// property names of app/session/session.h (the real one needs a server).
TestCase {
    id: testCase
    name: "SignInDialog"
    when: windowShown
    // TestCase is invisible by default; the components under test need a
    // visible parent to receive clicks.
    visible: true
    width: 800
    height: 600

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
        id: sessionComponent
        QtObject {
            property bool guest: true
            property string email: ""
            property string serverUrl: "http://127.0.0.1:3010"
            property bool busy: false
            property string errorMessage: ""
            property var calls: []
            signal signedIn
            function signIn(email, password) { calls.push(["signIn", email, password]); busy = true }
            function signUp(email, password) { calls.push(["signUp", email, password]); busy = true }
            function clearError() { errorMessage = "" }
        }
    }

    Component {
        id: dialogComponent
        SignInDialog {}
    }

    function openDialog(session) {
        const dialog = createTemporaryObject(dialogComponent, testCase, { session: session })
        dialog.open()
        tryCompare(dialog, "opened", true)
        return dialog
    }

    function child(dialog, name) {
        return findChild(dialog.contentItem, name) || findChild(dialog.footer, name)
    }

    function test_emptyEmailIsExplained() {
        const dialog = openDialog(null)
        mouseClick(child(dialog, "signInButton"))
        const error = child(dialog, "signInError")
        verify(error.visible)
        compare(error.text, "Enter your email address.")
    }

    function test_withoutSessionSaysSignInIsUnavailable() {
        const dialog = openDialog(null)
        dialog.email = "ada@example.com"
        dialog.password = "long enough"
        mouseClick(child(dialog, "signInButton"))
        compare(child(dialog, "signInError").text, "Signing in is not available in this version yet.")
        compare(child(dialog, "serverLabel").text, "Server: http://127.0.0.1:3010")
    }

    function test_sessionErrorIsShownInline() {
        const session = createTemporaryObject(sessionComponent, testCase)
        const dialog = openDialog(session)
        verify(!child(dialog, "signInError").visible)
        // Typing goes to the email field first (focus on open).
        typeText("ada@example.com")
        keyClick(Qt.Key_Tab)
        typeText("secret-password")
        keyClick(Qt.Key_Return)
        compare(session.calls.length, 1)
        compare(session.calls[0][0], "signIn")
        compare(session.calls[0][1], "ada@example.com")
        compare(session.calls[0][2], "secret-password")

        // Busy: inputs and buttons are disabled, the indicator runs.
        verify(child(dialog, "busyIndicator").running)
        verify(!child(dialog, "signInButton").enabled)
        verify(!child(dialog, "emailField").enabled)

        session.busy = false
        session.errorMessage = "Wrong email or password."
        const error = child(dialog, "signInError")
        verify(error.visible)
        compare(error.text, "Wrong email or password.")
        compare(dialog.opened, true)
    }

    function test_createAccountChecksPasswordLength() {
        const session = createTemporaryObject(sessionComponent, testCase)
        const dialog = openDialog(session)
        dialog.email = "ada@example.com"
        dialog.password = "short"
        mouseClick(child(dialog, "signUpButton"))
        compare(child(dialog, "signInError").text, "Choose a password of at least 8 characters.")
        compare(session.calls.length, 0)
        dialog.password = "long enough now"
        mouseClick(child(dialog, "signUpButton"))
        compare(session.calls.length, 1)
        compare(session.calls[0][0], "signUp")
    }

    function test_closesOnSignedInAndOnEscape() {
        const session = createTemporaryObject(sessionComponent, testCase)
        let dialog = openDialog(session)
        session.signedIn()
        tryCompare(dialog, "opened", false)

        dialog = openDialog(session)
        keyClick(Qt.Key_Escape)
        tryCompare(dialog, "opened", false)
    }

    function test_tabOrder() {
        const dialog = openDialog(null)
        const order = ["emailField", "passwordField", "signUpButton", "signInButton", "emailField"]
        verify(child(dialog, order[0]).activeFocus)
        for (let i = 1; i < order.length; ++i) {
            keyClick(Qt.Key_Tab)
            verify(child(dialog, order[i]).activeFocus, "focus should be on " + order[i])
        }
    }
}
