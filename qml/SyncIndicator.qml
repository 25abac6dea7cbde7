import QtQuick
import QtQuick.Controls
import ManaShellCore
import ManaControls

// The sync status as a dot and a word: synced / pending (count) / syncing /
// offline / error; guests see "Local only" and clicking offers sign-in.
// Clicking otherwise asks for a sync now. The tooltip has the last sync
// time and the error sentence.
AbstractButton {
    id: indicator

    // A mana::SyncStatus, or null for guests.
    property QtObject status: null
    property bool guest: status === null
    // The page header shows a smaller form.
    property bool compact: false
    // False while a guest cannot sign in (the guest file is damaged: there
    // is nothing to sign in from, docs/damaged-database.md).
    property bool signInAvailable: true

    readonly property int syncState: status ? status.state : -1
    readonly property int pendingCount: status ? status.pendingCount : 0
    readonly property string errorMessage: status ? status.errorMessage : ""
    readonly property var lastSyncedAt: status ? status.lastSyncedAt : undefined
    readonly property real initialSyncReceived: status ? status.initialSyncReceived : 0

    readonly property string label: {
        if (guest)
            return qsTr("Local only")
        // Signed in without an engine: the account's profile is damaged
        // and not rebuilt yet (docs/damaged-database.md).
        if (!status)
            return qsTr("Not syncing")
        switch (syncState) {
        case SyncStatus.Pending:
            return qsTr("%n pending", "", pendingCount)
        case SyncStatus.Syncing:
            // The first sync of a device can be long: show it moving.
            if (initialSyncReceived > 0)
                return qsTr("Syncing… %1 received").arg(Number(initialSyncReceived).toLocaleString(Qt.locale(), "f", 0))
            return qsTr("Syncing…")
        case SyncStatus.Offline:
            return qsTr("Offline")
        case SyncStatus.Error:
            return qsTr("Sync error")
        default:
            return qsTr("Synced")
        }
    }
    readonly property color dotColor: {
        if (guest)
            return Theme.offline
        if (!status)
            return Theme.error
        switch (syncState) {
        case SyncStatus.Pending:
            return Theme.pending
        case SyncStatus.Syncing:
            return Theme.syncing
        case SyncStatus.Offline:
            return Theme.offline
        case SyncStatus.Error:
            return Theme.error
        default:
            return Theme.synced
        }
    }
    readonly property string tooltipText: {
        if (guest && !signInAvailable)
            return qsTr("The guest data on this computer cannot be opened.")
        if (guest)
            return qsTr("Your data is kept on this computer only. Sign in to sync it with your other devices.")
        if (!status)
            return qsTr("Nothing syncs while this account's data on this computer cannot be opened.")
        let lines = []
        if (lastSyncedAt && !isNaN(lastSyncedAt.getTime()))
            lines.push(qsTr("Last synced: %1").arg(lastSyncedAt.toLocaleString(Qt.locale(), Locale.ShortFormat)))
        else
            lines.push(qsTr("Not synced yet."))
        if (errorMessage !== "")
            lines.push(errorMessage)
        lines.push(qsTr("Click to sync now."))
        return lines.join("\n")
    }

    signal syncRequested
    signal signInRequested

    Accessible.name: label
    Accessible.description: tooltipText
    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    padding: compact ? 4 : 6
    leftPadding: compact ? 8 : 10
    rightPadding: compact ? 10 : 12

    onClicked: {
        if (!guest)
            syncRequested()
        else if (signInAvailable)
            signInRequested()
    }

    ToolTip.visible: hovered || visualFocus
    ToolTip.delay: 400
    ToolTip.text: tooltipText

    background: Rectangle {
        radius: height / 2
        color: indicator.down || indicator.hovered ? Theme.hover : "transparent"
        border.width: 1
        border.color: indicator.visualFocus ? Theme.accent : Theme.border
    }

    contentItem: Row {
        spacing: 7

        Rectangle {
            id: dot
            objectName: "syncDot"
            anchors.verticalCenter: parent.verticalCenter
            width: indicator.compact ? 8 : 9
            height: width
            radius: width / 2
            color: indicator.dotColor

            // A gentle pulse while syncing; static in every other state so
            // screenshots and tests see the state colour.
            SequentialAnimation on opacity {
                running: !indicator.guest && indicator.syncState === SyncStatus.Syncing
                loops: Animation.Infinite
                onRunningChanged: if (!running) dot.opacity = 1
                NumberAnimation { to: 0.35; duration: 600 }
                NumberAnimation { to: 1; duration: 600 }
            }
        }

        Label {
            objectName: "syncLabel"
            anchors.verticalCenter: parent.verticalCenter
            text: indicator.label
            color: indicator.syncState === SyncStatus.Error && !indicator.guest ? Theme.errorText : Theme.text
            font.pixelSize: indicator.compact ? 12 : 13
        }

        Label {
            objectName: "signInAction"
            visible: indicator.guest && indicator.signInAvailable && !indicator.compact
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("· Sign in")
            color: Theme.accent
            font.pixelSize: 13
        }
    }
}
