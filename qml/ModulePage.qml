import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// The generic page of one module: a header in the app's colour with its
// sync status, a tab per collection, the records of the chosen one with
// search, filters and sort, a detail pane, the form, and Undo after a
// delete. Apps with a page of their own (named in their manifest) replace
// the body.
Page {
    id: page

    // ModuleListModel.get(row): moduleId, appId, name, iconUrl, color, collections
    // The app (ModuleListModel.get).
    required property moduleEntry module
    property ShellContext shell
    property QtObject session: null
    readonly property var collections: module.collections || []
    // An own page names the collection its New button makes (Calendar:
    // events, not the calendars listed first).
    readonly property string currentCollection: ownView && body.item && body.item.primaryCollection ? body.item.primaryCollection
        : collections.length > 0 ? collections[tabs.currentIndex] || collections[0] : ""
    // The generic list's model (null on pages with views of their own).
    readonly property var records: !ownView && body.item ? body.item.listModel : null
    // The app's own page (null on the generic views).
    readonly property var ownPage: ownView ? body.item : null
    property string selectedId: ""

    signal signInRequested

    onCurrentCollectionChanged: selectedId = ""

    // Ctrl+N: a new record in the open collection. A page with its own
    // editor (Calendar's event dialog) makes it itself (createNew).
    function createRecord() {
        if (page.ownView && body.item && typeof body.item.createNew === "function") {
            body.item.createNew()
            return
        }
        formDialog.openNew(page.ownView && body.item ? body.item.presets() : undefined)
    }
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "record" && parts.length === 3 && !page.ownView) {
            // A record found by Ctrl+K: its collection's tab, its details.
            const tab = page.collections.indexOf(parts[1])
            if (tab >= 0)
                tabs.currentIndex = tab
            Qt.callLater(() => page.selectedId = parts[2])
        } else if (place === "new") {
            createRecord()
        } else if (page.ownView) {
            body.item.openPlace(place)
        } else if (place === "first") {
            // The list fills once the page has its bindings.
            Qt.callLater(() => {
                if (page.records && page.records.count > 0)
                    page.selectedId = page.records.get(0).id
            })
        } else {
            const tab = page.collections.indexOf(place)
            if (tab >= 0)
                tabs.currentIndex = tab
        }
    }
    function collectionTitle(wireName) {
        return page.shell ? page.shell.collectionTitle(page.module.appId, wireName) : wireName
    }
    // Deleted at once (a soft delete that syncs); the bar offers Undo.
    function deleteRecord(id, title, collectionName) {
        const error = page.shell.removeRecord(page.module.appId, collectionName, id)
        if (error !== "")
            return
        if (page.selectedId === id)
            page.selectedId = ""
        if (page.ownView && body.item.selectedId === id)
            body.item.selectedId = ""
        undoBar.stepId = 0
        undoBar.appId = page.module.appId
        undoBar.collectionName = collectionName
        undoBar.recordId = id
        undoBar.show(qsTr("“%1” deleted").arg(title))
    }
    // An action of the app's page that wrote several records as one undo
    // step (LocalStore::writeGroupWithUndo): Undo takes all of it back.
    function offerUndo(stepId, text) {
        undoBar.stepId = stepId
        undoBar.recordId = ""
        undoBar.show(text)
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
                    text: page.shell ? page.shell.newItemText(page.module.appId, page.currentCollection) : qsTr("New")
                    highlighted: true
                    // Basic's 40 px default is too tall next to the title.
                    implicitHeight: 32
                    implicitWidth: Math.max(72, implicitContentWidth + 32)
                    enabled: page.collections.length > 0
                    onClicked: page.createRecord()
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("Ctrl+N")
                }
            }

            TabBar {
                id: tabs
                objectName: "collectionTabs"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                visible: page.collections.length > 1 && !page.ownView
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

    // An app with a page of its own names it in its manifest ("page":
    // "ManaTodo/TodoView"); the shell loads it by that name and knows no
    // app. A page that cannot be loaded falls back to the generic views.
    // The page's contract is in docs/modules.md.
    property bool ownPageFailed: false
    readonly property bool ownView: (module.pageUrl || "") !== "" && !ownPageFailed

    Loader {
        id: body
        anchors.fill: parent
        // Qt 6.4: when the shell goes (the window closes, a test ends), the
        // Loader above this page hides it, Page lays its content out again,
        // and an app page half torn down could crash in the layout engine
        // (seen with Questions' page). Unloading the app page first, while
        // its tree is whole, avoids that.
        Component.onDestruction: active = false
        Component.onCompleted: {
            if (page.ownView)
                setSource(page.module.pageUrl, {
                    shell: Qt.binding(() => page.shell),
                    accentColor: Qt.binding(() => page.module.color),
                    language: Qt.binding(() => page.shell ? page.shell.modules.language : "en")
                })
            else
                sourceComponent = genericBody
        }
        onStatusChanged: {
            if (status !== Loader.Error)
                return
            console.warn("The page", page.module.pageUrl, "of", page.module.moduleId,
                         "could not be loaded; showing the generic views")
            page.ownPageFailed = true
            sourceComponent = genericBody
        }
    }

    Connections {
        target: page.ownView ? body.item : null
        ignoreUnknownSignals: true
        function onDeleteRequested(recordId, title, collectionName) {
            page.deleteRecord(recordId, title, collectionName)
        }
        function onEditRequested(recordId) {
            formDialog.openEdit(recordId)
        }
        function onUndoOffered(stepId, text) {
            page.offerUndo(stepId, text)
        }
    }

    Component {
        id: genericBody
        RowLayout {
            property alias listModel: listPane.records
            spacing: 0

            RecordListPane {
                id: listPane
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumWidth: 0
                clip: true
                shell: page.shell
                appId: page.module.appId
                collectionName: page.currentCollection
                accentColor: page.module.color
                emptyText: page.shell ? page.shell.emptyText(page.module.appId, page.currentCollection) : ""
                selectedId: page.selectedId
                onActivated: id => page.selectedId = id
            }

            RecordDetailPane {
                id: detailPane
                objectName: "detailPane"
                Layout.preferredWidth: Math.min(380, page.width * 0.42)
                Layout.minimumWidth: Layout.preferredWidth
                Layout.fillHeight: true
                visible: page.selectedId !== ""
                shell: page.shell
                appId: page.module.appId
                collectionName: page.currentCollection
                recordId: page.selectedId
                onCloseRequested: page.selectedId = ""
                onEditRequested: id => formDialog.openEdit(id)
                onDeleteRequested: (id, title) => page.deleteRecord(id, title, page.currentCollection)
            }
        }
    }

    UndoBar {
        id: undoBar
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 20
        property string appId
        property string collectionName
        property string recordId
        property int stepId: 0 // an undo step; 0: the one deleted record above
        onUndoRequested: {
            if (stepId > 0) {
                page.shell.undo(stepId)
                return
            }
            const error = page.shell.restoreRecord(appId, collectionName, recordId)
            if (error === "" && !page.ownView)
                page.selectedId = recordId
        }
    }

    RecordFormDialog {
        id: formDialog
        objectName: "recordFormDialog"
        shell: page.shell
        appId: page.module.appId
        collectionName: page.currentCollection
        onSaved: id => {
            if (page.ownView)
                body.item.selectedId = id
            else
                page.selectedId = id
        }
    }
}
