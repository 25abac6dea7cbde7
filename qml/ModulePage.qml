import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore

// The generic page of one module: a header in the app's colour with its
// sync status, a tab per collection, and the records of the chosen one.
// The apps' own views replace the list in the next step.
Page {
    id: page

    // ModuleListModel.get(row): moduleId, appId, name, iconUrl, color, collections
    required property var module
    property ShellContext shell
    property QtObject session: null
    readonly property var collections: module.collections || []
    readonly property string currentCollection: collections.length > 0 ? collections[tabs.currentIndex] || collections[0] : ""
    property alias records: recordModel

    signal signInRequested

    // Ctrl+N: a new record in the first collection (the app's main list).
    function createRecord() {
        tabs.currentIndex = 0
        createDialog.open()
    }

    // "taskLabels" -> "Task labels": manifests have no display names for
    // collections yet.
    function collectionTitle(wireName) {
        const words = wireName.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()
        return words.charAt(0).toUpperCase() + words.slice(1)
    }

    padding: 0
    background: Rectangle { color: Theme.window }

    header: Rectangle {
        implicitHeight: headerColumn.implicitHeight
        color: Theme.surface

        ColumnLayout {
            id: headerColumn
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 0

            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 4
                color: page.module.color
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 20
                Layout.topMargin: 14
                Layout.bottomMargin: 8
                spacing: 12

                ModuleIcon {
                    moduleId: page.module.moduleId
                    name: page.module.name
                    tileColor: page.module.color
                    size: 36
                }
                Label {
                    objectName: "moduleTitle"
                    Layout.fillWidth: true
                    text: page.module.name
                    font.pixelSize: 22
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                SyncIndicator {
                    objectName: "appSyncIndicator"
                    compact: true
                    status: page.session && !page.session.guest && page.session.syncStatus ? page.session.appSyncStatus(page.module.appId) : null
                    guest: !page.session || page.session.guest
                    onSyncRequested: page.session.syncNow()
                    onSignInRequested: page.signInRequested()
                }
                Button {
                    objectName: "newRecordButton"
                    text: qsTr("New")
                    highlighted: true
                    // Basic's 40 px default is too tall next to the title.
                    implicitHeight: 32
                    implicitWidth: Math.max(72, implicitContentWidth + 32)
                    enabled: page.collections.length > 0
                    onClicked: page.createRecord()
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("New record (Ctrl+N)")
                }
            }

            TabBar {
                id: tabs
                objectName: "collectionTabs"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                visible: page.collections.length > 1
                background: Item {}
                Repeater {
                    model: page.collections
                    TabButton {
                        id: tab
                        required property string modelData
                        text: page.collectionTitle(modelData)
                        width: implicitWidth + 8
                        contentItem: Label {
                            text: tab.text
                            horizontalAlignment: Text.AlignHCenter
                            color: tab.checked ? Theme.text : Theme.mutedText
                            font.bold: tab.checked
                        }
                        // The module's colour marks the open collection.
                        background: Rectangle {
                            color: tab.hovered ? Theme.hover : "transparent"
                            radius: 4
                            Rectangle {
                                anchors.bottom: parent.bottom
                                anchors.left: parent.left
                                anchors.right: parent.right
                                height: 3
                                visible: tab.checked
                                color: page.module.color
                            }
                            Rectangle {
                                anchors.fill: parent
                                visible: tab.visualFocus
                                color: "transparent"
                                border.color: Theme.accent
                                radius: 4
                            }
                        }
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                color: Theme.border
            }
        }
    }

    RecordListModel {
        id: recordModel
        context: page.shell
        appId: page.module.appId
        collectionName: page.currentCollection
    }

    ListView {
        id: recordList
        objectName: "recordList"
        anchors.fill: parent
        anchors.topMargin: 8
        clip: true
        model: recordModel
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: recordRow
            required property string title
            required property string subtitle
            required property string recordId

            width: ListView.view.width
            leftPadding: 24
            rightPadding: 24
            topPadding: 8
            bottomPadding: 8
            background: Rectangle {
                color: recordRow.hovered ? Theme.hover : "transparent"
                Rectangle {
                    anchors.bottom: parent.bottom
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: 24
                    height: 1
                    color: Theme.border
                    opacity: 0.6
                }
            }
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: recordRow.title
                    color: Theme.text
                    font.pixelSize: 14
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: recordRow.subtitle
                    color: Theme.mutedText
                    font.pixelSize: 12
                    elide: Text.ElideRight
                }
            }
        }
    }

    Label {
        objectName: "emptyLabel"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: recordModel.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        text: recordModel.error !== "" ? recordModel.error
                                       : qsTr("Nothing here yet. Press Ctrl+N to add the first one.")
    }

    CreateRecordDialog {
        id: createDialog
        shell: page.shell
        appId: page.module.appId
        collectionName: page.collections.length > 0 ? page.collections[0] : ""
        collectionTitle: page.collections.length > 0 ? page.collectionTitle(page.collections[0]) : ""
    }
}
