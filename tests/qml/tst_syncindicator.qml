import QtQuick
import QtTest
import ManaShell
import ManaShellCore
import ManaControls

// The indicator in each state, driven through a real mana::SyncStatus.
TestCase {
    id: testCase
    name: "SyncIndicator"
    when: windowShown
    // TestCase is invisible by default; the components under test need a
    // visible parent to receive clicks.
    visible: true
    width: 760
    height: 240

    Component {
        id: indicatorComponent
        SyncIndicator {}
    }

    SignalSpy {
        id: syncSpy
        signalName: "syncRequested"
    }
    SignalSpy {
        id: signInSpy
        signalName: "signInRequested"
    }

    function init() {
        syncSpy.clear()
        signInSpy.clear()
    }

    function test_states_data() {
        return [
            { tag: "synced", state: SyncStatus.Synced, pending: 0, error: "", label: "Synced", color: Theme.synced },
            { tag: "pending", state: SyncStatus.Pending, pending: 3, error: "", label: "3 pending", color: Theme.pending },
            { tag: "syncing", state: SyncStatus.Syncing, pending: 1, error: "", label: "Syncing…", color: Theme.syncing },
            { tag: "offline", state: SyncStatus.Offline, pending: 2, error: "", label: "Offline", color: Theme.offline },
            { tag: "error", state: SyncStatus.Error, pending: 0, error: "The server refused the changes.", label: "Sync error", color: Theme.error }
        ]
    }

    function test_states(data) {
        const when = new Date(2026, 10, 25, 9, 30)
        statusDriver.set(data.state, data.pending, data.error, when)
        const indicator = createTemporaryObject(indicatorComponent, testCase, { status: statusDriver.status })
        verify(indicator)
        compare(indicator.guest, false)
        compare(findChild(indicator, "syncLabel").text, data.label)
        verify(Qt.colorEqual(findChild(indicator, "syncDot").color, data.color))
        verify(!findChild(indicator, "signInAction").visible)
        verify(indicator.tooltipText.indexOf("Last synced:") === 0, indicator.tooltipText)
        if (data.error !== "")
            verify(indicator.tooltipText.indexOf(data.error) > 0, indicator.tooltipText)

        syncSpy.target = indicator
        signInSpy.target = indicator
        mouseClick(indicator)
        compare(syncSpy.count, 1)
        compare(signInSpy.count, 0)
    }

    function test_followsStatusChanges() {
        statusDriver.set(SyncStatus.Synced, 0, "", new Date())
        const indicator = createTemporaryObject(indicatorComponent, testCase, { status: statusDriver.status })
        compare(findChild(indicator, "syncLabel").text, "Synced")
        statusDriver.set(SyncStatus.Pending, 7, "", new Date())
        compare(findChild(indicator, "syncLabel").text, "7 pending")
        statusDriver.set(SyncStatus.Error, 7, "Wrong email or password.", new Date())
        compare(findChild(indicator, "syncLabel").text, "Sync error")
        verify(indicator.tooltipText.indexOf("Wrong email or password.") > 0)
    }

    function test_initialSyncShowsProgress() {
        statusDriver.set(SyncStatus.Syncing, 0, "", new Date(NaN))
        statusDriver.setInitialSyncReceived(12500)
        const indicator = createTemporaryObject(indicatorComponent, testCase, { status: statusDriver.status })
        compare(findChild(indicator, "syncLabel").text, "Syncing… " + Number(12500).toLocaleString(Qt.locale(), "f", 0) + " received")
        // Once the first sync has finished, later syncs are quick: no counter.
        statusDriver.setInitialSyncReceived(0)
        statusDriver.set(SyncStatus.Syncing, 0, "", new Date())
        compare(findChild(indicator, "syncLabel").text, "Syncing…")
    }

    function test_neverSyncedSaysSo() {
        statusDriver.set(SyncStatus.Pending, 1, "", new Date(NaN))
        const indicator = createTemporaryObject(indicatorComponent, testCase, { status: statusDriver.status })
        verify(indicator.tooltipText.indexOf("Not synced yet.") === 0, indicator.tooltipText)
    }

    function test_guestIsLocalOnlyAndOffersSignIn() {
        const indicator = createTemporaryObject(indicatorComponent, testCase, { status: null })
        compare(indicator.guest, true)
        compare(findChild(indicator, "syncLabel").text, "Local only")
        verify(findChild(indicator, "signInAction").visible)
        verify(Qt.colorEqual(findChild(indicator, "syncDot").color, Theme.offline))
        syncSpy.target = indicator
        signInSpy.target = indicator
        mouseClick(indicator)
        compare(signInSpy.count, 1)
        compare(syncSpy.count, 0)
    }

    // A guest whose file is damaged has nothing to sign in from: no
    // "Sign in" link, and a click asks for nothing.
    function test_guestWithoutSignInOffersNothing() {
        const indicator = createTemporaryObject(indicatorComponent, testCase,
                                                { status: null, signInAvailable: false })
        compare(findChild(indicator, "syncLabel").text, "Local only")
        verify(!findChild(indicator, "signInAction").visible)
        verify(indicator.tooltipText.indexOf("cannot be opened") > 0, indicator.tooltipText)
        syncSpy.target = indicator
        signInSpy.target = indicator
        mouseClick(indicator)
        compare(signInSpy.count, 0)
        compare(syncSpy.count, 0)
    }

    Component {
        id: galleryComponent
        Rectangle {
            id: gallery
            property bool dark: false
            readonly property var rows: [
                { state: SyncStatus.Synced, pending: 0, error: "" },
                { state: SyncStatus.Pending, pending: 4, error: "" },
                { state: SyncStatus.Syncing, pending: 2, error: "" },
                { state: SyncStatus.Offline, pending: 3, error: "" },
                { state: SyncStatus.Error, pending: 0, error: "The server could not be reached." }
            ]
            width: 720
            height: column.implicitHeight + 32
            color: Theme.window
            Flow {
                id: column
                x: 16
                y: 16
                width: 688
                spacing: 12
                SyncIndicator { status: null }
                Repeater {
                    model: gallery.rows
                    SyncIndicator {
                        required property var modelData
                        status: statusDriver.createStatus(modelData.state, modelData.pending, modelData.error,
                                                          new Date(2026, 10, 25, 9, 30))
                    }
                }
            }
        }
    }

    // Every state side by side, light then dark; saved as a picture when
    // tools/screenshots.sh asks for it.
    function test_gallery() {
        for (const dark of [false, true]) {
            Theme.dark = dark
            const gallery = createTemporaryObject(galleryComponent, testCase)
            waitForRendering(gallery)
            const labels = []
            for (let i = 0; i < 6; ++i)
                labels.push(findChild(gallery.children[0].children[i], "syncLabel").text)
            compare(labels, ["Local only", "Synced", "4 pending", "Syncing…", "Offline", "Sync error"])
            if (screenshotDirectory !== "")
                grabImage(gallery).save(screenshotDirectory + "/sync-states-" + (dark ? "dark" : "light") + ".png")
            gallery.destroy()
        }
        Theme.dark = false
    }
}
