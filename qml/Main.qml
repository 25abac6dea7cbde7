import QtQuick
import QtQuick.Controls
import ManaShellCore
import ManaControls

// The window: theme, geometry memory and what to open at start; the shell
// itself lives in Shell.qml.
ApplicationWindow {
    id: window

    required property ShellContext shell
    required property ShellSettings settings
    required property UiLanguage uiLanguage
    // The Session (app/session/session.h); null runs the guest profile
    // that main.cpp opened ("local only").
    required property QtObject session
    required property bool firstStart
    required property string initialModule
    // "", "light", "dark", "system": --theme for this run only.
    required property string themeOverride
    required property string showOnStart
    required property string switcherText
    required property string serverUrl

    readonly property string themeChoice: themeOverride !== "" ? themeOverride : settings.theme
    readonly property bool dark: themeChoice === "dark" || (themeChoice === "system" && shell.systemPrefersDark)

    width: 1120
    height: 720
    minimumWidth: 900
    minimumHeight: 600
    visible: true
    title: shellView.currentModule.name ? qsTr("%1 – ManaCore").arg(shellView.currentModule.name) : "ManaCore"
    color: Theme.window

    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.sidebar
    palette.text: Theme.text
    palette.button: dark ? "#34353e" : "#e6e6ec"
    palette.buttonText: Theme.text
    palette.brightText: "#ffffff"
    palette.highlight: Theme.accentButton
    palette.highlightedText: "#ffffff"
    palette.light: dark ? "#3a3b44" : "#ffffff"
    palette.midlight: dark ? "#33343c" : "#e8e8ee"
    palette.mid: Theme.border
    palette.dark: Theme.accentButton // Basic style: highlighted buttons
    palette.shadow: "#000000"
    palette.placeholderText: Theme.mutedText
    palette.toolTipBase: dark ? "#2c2d34" : "#ffffff"
    palette.toolTipText: Theme.text
    palette.link: Theme.accent

    Binding {
        target: Theme
        property: "dark"
        value: window.dark
    }

    Component.onCompleted: {
        const geometry = settings.windowGeometry
        if (geometry.width >= minimumWidth && geometry.height >= minimumHeight) {
            x = geometry.x
            y = geometry.y
            width = geometry.width
            height = geometry.height
        }
        if (settings.windowMaximized)
            showMaximized()
        if (initialModule !== "" && !shellView.openModuleById(initialModule))
            console.warn("no app with the id", initialModule)
        startActions.start()
    }

    onClosing: {
        settings.windowMaximized = visibility === Window.Maximized
        if (visibility !== Window.Maximized)
            settings.windowGeometry = Qt.rect(x, y, width, height)
    }

    // --show: a dialog or place to open (StartupOptions::showTargets()).
    function showTarget(what, text) {
        if (what === "welcome")
            shellView.welcomeDialog.open()
        else if (what === "settings")
            shellView.settingsDialog.open()
        else if (what === "signin")
            shellView.openSignIn()
        else if (what === "signin-error") {
            shellView.openSignIn()
            shellView.signInDialog.email = "demo@example.com"
            shellView.signInDialog.password = "correct horse battery staple"
            shellView.signInDialog.submit(false)
        } else if (what === "switcher") {
            shellView.switcher.open()
            shellView.switcher.text = text
        } else if (what === "create") {
            shellView.createRecord()
        }
    }

    // A later start of manacore on this profile handed over its --app and
    // --show (main.cpp has raised the window already).
    function handOver(moduleId, what, text) {
        if (moduleId !== "" && !shellView.openModuleById(moduleId))
            console.warn("no app with the id", moduleId)
        showTarget(what, text)
    }

    // Dialogs open after the first frame, so start-up is not slowed by them.
    Timer {
        id: startActions
        interval: 0
        onTriggered: window.showTarget(window.firstStart && window.showOnStart === ""
                                       ? "welcome" : window.showOnStart, window.switcherText)
    }

    Shell {
        id: shellView
        anchors.fill: parent
        shell: window.shell
        settings: window.settings
        session: window.session
        fallbackServerUrl: window.serverUrl
    }
}
