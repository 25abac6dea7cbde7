import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Sign in or create an account on the sync server. All network work is in
// the session (asynchronous); the dialog shows the session's error sentence
// inline and a busy indicator, and never blocks the window.
ShellDialog {
    id: dialog

    // The Session (app/session/session.h), or null while accounts are not
    // available: then the dialog says so instead of pretending to sign in.
    property QtObject session: null
    property string fallbackServerUrl: "http://127.0.0.1:3010"
    readonly property string serverUrl: session ? session.serverUrl : fallbackServerUrl
    readonly property bool busy: session ? session.busy : false
    // Problems found before asking the server (empty field, no "@").
    property string localError
    readonly property string errorText: localError !== "" ? localError : (session ? session.errorMessage : "")
    property alias email: emailField.text
    property alias password: passwordField.text

    signal changeServerRequested

    function submit(createAccount) {
        localError = ""
        const email = emailField.text.trim()
        if (email === "" || email.indexOf("@") < 1 || email.indexOf("@") === email.length - 1) {
            localError = qsTr("Enter your email address.")
            emailField.forceActiveFocus()
            return
        }
        if (passwordField.text === "") {
            localError = qsTr("Enter your password.")
            passwordField.forceActiveFocus()
            return
        }
        if (createAccount && passwordField.text.length < 8) {
            localError = qsTr("Choose a password of at least 8 characters.")
            passwordField.forceActiveFocus()
            return
        }
        if (!session) {
            localError = qsTr("Signing in is not available in this version yet.")
            return
        }
        if (createAccount)
            session.signUp(email, passwordField.text)
        else
            session.signIn(email, passwordField.text)
    }

    title: qsTr("Sign in to sync")
    width: 420

    onOpened: {
        localError = ""
        passwordField.text = ""
        if (session)
            session.clearError()
        emailField.forceActiveFocus()
    }

    Connections {
        target: dialog.session
        ignoreUnknownSignals: true
        function onSignedIn() {
            dialog.close()
        }
    }

    contentItem: ColumnLayout {
        spacing: 10

        Label {
            Layout.fillWidth: true
            Layout.bottomMargin: 6
            text: qsTr("Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.")
            wrapMode: Text.WordWrap
            color: Theme.mutedText
        }

        Label {
            text: qsTr("Email")
            color: Theme.text
        }
        TextField {
            id: emailField
            objectName: "emailField"
            Layout.fillWidth: true
            enabled: !dialog.busy
            inputMethodHints: Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
            placeholderText: qsTr("you@example.com")
            KeyNavigation.tab: passwordField
            onAccepted: passwordField.forceActiveFocus()
            Accessible.name: qsTr("Email")
        }

        Label {
            Layout.topMargin: 4
            text: qsTr("Password")
            color: Theme.text
        }
        TextField {
            id: passwordField
            objectName: "passwordField"
            Layout.fillWidth: true
            enabled: !dialog.busy
            echoMode: TextInput.Password
            KeyNavigation.tab: signUpButton
            onAccepted: dialog.submit(false)
            Accessible.name: qsTr("Password")
        }

        Label {
            id: errorLabel
            objectName: "signInError"
            Layout.fillWidth: true
            visible: dialog.errorText !== ""
            text: dialog.errorText
            color: Theme.errorText
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                objectName: "serverLabel"
                Layout.fillWidth: true
                text: qsTr("Server: %1").arg(dialog.serverUrl)
                color: Theme.mutedText
                font.pixelSize: 12
                elide: Text.ElideMiddle
            }
        }
    }

    footer: Pane {
        background: Item {}
        padding: 20
        topPadding: 4
        RowLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 8

            BusyIndicator {
                objectName: "busyIndicator"
                running: dialog.busy
                visible: dialog.busy
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                id: signUpButton
                objectName: "signUpButton"
                text: qsTr("Create account")
                enabled: !dialog.busy
                KeyNavigation.tab: signInButton
                onClicked: dialog.submit(true)
            }
            Button {
                id: signInButton
                objectName: "signInButton"
                text: qsTr("Sign in")
                highlighted: true
                enabled: !dialog.busy
                KeyNavigation.tab: emailField
                onClicked: dialog.submit(false)
            }
        }
    }
}
