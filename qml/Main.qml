import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The first window: proves the local store opened and lists what it holds.
// The shell (navigation, sessions, sync status) replaces the body later.
ApplicationWindow {
    id: window

    required property string profileName
    required property string storePath
    required property string storeError
    required property var modules
    required property int collectionCount
    required property int pendingCount
    required property bool darkMode

    width: 960
    height: 640
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: qsTr("ManaCore Desktop")

    palette.window: darkMode ? "#1e1f24" : "#f6f6f8"
    palette.windowText: darkMode ? "#e8e8ec" : "#1d1d22"
    palette.base: darkMode ? "#2a2b31" : "#ffffff"
    palette.text: darkMode ? "#e8e8ec" : "#1d1d22"
    palette.mid: darkMode ? "#4a4b52" : "#d0d0d6"
    palette.placeholderText: darkMode ? "#9a9aa3" : "#6b6b75"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 32
        spacing: 20

        Label {
            text: qsTr("ManaCore Desktop")
            font.pixelSize: 28
            font.bold: true
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: window.palette.placeholderText
            text: qsTr("Your apps work offline. Everything you do is saved on this computer first.")
        }

        StoreCard {
            Layout.fillWidth: true
            profileName: window.profileName
            storePath: window.storePath
            storeError: window.storeError
            modules: window.modules
            collectionCount: window.collectionCount
            pendingCount: window.pendingCount
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
