import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaShellCore
import ManaContacts
import ManaControls

// Contacts' page (docs/contacts.md, "The page"; GNOME Contacts and KDE
// KAddressBook): on the left All contacts, Birthdays and Archived, the sort
// order, Import and Export; then the alphabetical list with its sections
// (favourites first) and the search over every field; on the right the
// card. Ctrl+F searches, Ctrl+I imports, Ctrl+E exports, Delete deletes
// the selected contact, Ctrl+N (the shell) adds one. Ctrl+click,
// Shift+click and Ctrl+A select several (a set of ids in the model), which
// the selection bar deletes, stars or exports at once; Esc clears.
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#14B8A6"
    property string language: "en"
    property string selectedId: ""
    // Shift+click's start: the row last clicked without Shift.
    property int anchorRow: -1
    readonly property string primaryCollection: "contacts"
    // "contacts", "archived" or "birthdays".
    property string view: "contacts"
    property string notice: ""
    readonly property alias contacts: contactModel
    readonly property alias controller: controller
    readonly property alias importer: importer
    readonly property alias importDialog: importDialog
    readonly property alias exportDialog: exportDialog
    readonly property alias editDialog: editDialog
    readonly property alias searchField: searchField
    readonly property alias list: contactList
    readonly property alias birthdays: birthdaysView

    signal deleteRequested(string recordId, string title, string collectionName)
    // Not emitted: the page edits with its own form (createNew, editContact).
    signal editRequested(string recordId)
    signal undoOffered(int stepId, string text)

    onSelectedIdChanged: syncCurrentRow()

    function presets() {
        return {}
    }
    // Ctrl+N and the header's New button: the page's own form.
    function createNew() {
        editDialog.openNew()
    }
    function editContact(id) {
        if (id !== "")
            editDialog.openEdit(id)
    }
    // "birthdays", "archived", "contacts", "record/contacts/<id>", "new"
    // (the form), "edit/<id>" (the form on that contact), "select/all"
    // (every contact selected: the selection bar, for screenshots).
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "birthdays" || parts[0] === "archived")
            showView(parts[0])
        else if (parts[0] === "new")
            Qt.callLater(createNew)
        else if (parts[0] === "select" && parts[1] === "all") {
            showView("contacts")
            Qt.callLater(selectAll)
        }
        else if (parts[0] === "edit" && parts[1]) {
            select(parts[1])
            Qt.callLater(() => editContact(parts[1]))
        }
        else if (parts[0] === "record" && parts[2])
            select(parts[2])
        else
            showView("contacts")
    }
    function showView(name) {
        view = name
        contactModel.archived = name === "archived"
        if (name !== "birthdays")
            contactList.forceActiveFocus()
    }
    function select(id) {
        selectedId = id
        const row = contactModel.rowOf(id)
        if (row < 0 && id !== "" && page.view !== "birthdays") {
            // Shown elsewhere: in the archive, or hidden by the search.
            const card = controller.contact(id)
            if (card.id !== undefined) {
                searchField.text = ""
                showView(card.archived ? "archived" : "contacts")
            }
        }
        contactList.currentIndex = contactModel.rowOf(id)
        if (contactList.currentIndex >= 0)
            contactList.positionViewAtIndex(contactList.currentIndex, ListView.Contain)
    }
    function syncCurrentRow() {
        contactList.currentIndex = contactModel.rowOf(selectedId)
    }
    function selectRow(row) {
        if (row < 0 || row >= contactModel.count)
            return
        selectedId = contactModel.idAt(row)
        contactList.currentIndex = row
    }
    // A click on a row: alone it selects the one contact; Ctrl adds or
    // removes it from the selection of several (the contact shown so far
    // joins it first), Shift selects from the last clicked row to it.
    function clickRow(row, modifiers) {
        if (modifiers & Qt.ShiftModifier) {
            const from = anchorRow >= 0 ? anchorRow : Math.max(0, contactModel.rowOf(selectedId))
            if (!(modifiers & Qt.ControlModifier))
                contactModel.clearSelection()
            contactModel.selectRange(from, row)
        } else if (modifiers & Qt.ControlModifier) {
            const shown = contactModel.rowOf(selectedId)
            if (contactModel.selectedCount === 0 && shown >= 0 && shown !== row)
                contactModel.setSelected(shown, true)
            contactModel.toggleSelected(row)
            anchorRow = row
        } else {
            contactModel.clearSelection()
            anchorRow = row
        }
        selectRow(row)
    }
    // ↑/↓; with Shift the selection of several grows or shrinks from the
    // anchor (the row where Shift started) to the new row.
    function moveBy(delta, modifiers) {
        const from = contactList.currentIndex
        const row = Math.max(0, Math.min(contactModel.count - 1, from + delta))
        if (modifiers & Qt.ShiftModifier) {
            if (anchorRow < 0 || contactModel.selectedCount === 0)
                anchorRow = Math.max(0, from)
            contactModel.clearSelection()
            contactModel.selectRange(anchorRow, row)
        } else {
            anchorRow = row
        }
        selectRow(row)
    }
    function selectAll() {
        contactModel.selectAll()
        anchorRow = -1
    }
    function deleteSelection() {
        const ids = contactModel.selectedIds()
        if (ids.length === 0)
            return false
        const step = controller.deleteContacts(ids)
        if (step === 0) {
            page.notice = controller.lastError
            return false
        }
        contactModel.clearSelection()
        page.undoOffered(step, ids.length === 1 ? qsTr("1 contact deleted") : qsTr("%1 contacts deleted").arg(ids.length))
        return true
    }
    function setSelectionFavorite(favorite) {
        const ids = contactModel.selectedIds()
        const step = controller.setFavorites(ids, favorite)
        if (step === 0) {
            if (controller.lastError !== "")
                page.notice = controller.lastError
            return false
        }
        page.undoOffered(step, favorite ? (ids.length === 1 ? qsTr("1 contact marked as favourite")
                                                            : qsTr("%1 contacts marked as favourites").arg(ids.length))
                                        : (ids.length === 1 ? qsTr("1 contact no longer a favourite")
                                                            : qsTr("%1 contacts no longer favourites").arg(ids.length)))
        return true
    }
    function exportSelection() {
        exportDialog.selectedIds = contactModel.selectedIds()
        exportDialog.openExport(true)
    }
    function startImport() {
        importFileDialog.open()
    }
    function openImportFile(url) {
        importer.language = page.language
        importer.open(url)
        importDialog.open()
    }
    function finishImport() {
        if (!importer.run())
            return false
        const parts = [importer.imported === 1 ? qsTr("1 imported") : qsTr("%1 imported").arg(importer.imported),
                       importer.merged === 1 ? qsTr("1 merged") : qsTr("%1 merged").arg(importer.merged),
                       importer.skipped === 1 ? qsTr("1 skipped") : qsTr("%1 skipped").arg(importer.skipped)]
        page.undoOffered(importer.undoStep, parts.join(", "))
        return true
    }
    function deleteSelected() {
        if (selectedId === "")
            return
        const card = controller.contact(selectedId)
        if (card.id !== undefined)
            page.deleteRequested(selectedId, card.name, "contacts")
    }
    function sectionTitle(section) {
        return section === "\u2605" ? qsTr("Favourites") : section
    }

    ContactListModel {
        id: contactModel
        store: page.shell ? page.shell.storeObject : null
        searchText: searchField.text
        // The selection stays on its contact when rows move (a star, an
        // import, a search): the list's current row follows selectedId,
        // never the other way round (a removed row must not select its
        // neighbour).
        onRowsInserted: page.syncCurrentRow()
        onRowsRemoved: page.syncCurrentRow()
        onModelReset: page.syncCurrentRow()
    }
    ContactsController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        onCopied: text => page.notice = qsTr("Copied %1").arg(text)
    }
    ContactsImporter {
        id: importer
        store: page.shell ? page.shell.storeObject : null
        language: page.language
    }

    Shortcut {
        sequence: "Ctrl+F"
        enabled: page.visible
        onActivated: {
            if (page.view === "birthdays")
                page.showView("contacts")
            searchField.forceActiveFocus()
            searchField.selectAll()
        }
    }
    Shortcut {
        sequence: "Ctrl+I"
        enabled: page.visible
        onActivated: page.startImport()
    }
    Shortcut {
        sequence: "Ctrl+E"
        enabled: page.visible
        onActivated: {
            exportDialog.selectedIds = contactModel.selectedIds()
            exportDialog.openExport()
        }
    }

    FileDialog {
        id: importFileDialog
        title: qsTr("Import contacts")
        nameFilters: [qsTr("Contacts (*.vcf *.vcard *.csv)"), qsTr("vCard files (*.vcf *.vcard)"),
                      qsTr("CSV files (*.csv)"), qsTr("All files (*)")]
        onAccepted: page.openImportFile(selectedFile)
    }
    ImportDialog {
        id: importDialog
        importer: importer
        parent: Overlay.overlay
        onAccepted: page.finishImport()
        onRejected: importer.clear()
    }
    ContactEditor {
        id: editor
        store: page.shell ? page.shell.storeObject : null
    }
    ContactEditDialog {
        id: editDialog
        editor: editor
        parent: Overlay.overlay
        kindText: kind => card.kindLabel(kind)
        onSaved: id => {
            page.selectedId = id
            page.select(id)
        }
    }
    ExportDialog {
        id: exportDialog
        controller: controller
        parent: Overlay.overlay
        selectedId: page.selectedId
        selectedName: page.selectedId !== "" ? (controller.contact(page.selectedId).name || "") : ""
        onExported: text => page.notice = text
    }
    Timer {
        running: page.notice !== ""
        interval: 3000
        onTriggered: page.notice = ""
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    component NavEntry: ItemDelegate {
        id: entry
        property string name: ""
        property int count: -1
        Layout.fillWidth: true
        implicitHeight: 32
        leftPadding: 12
        rightPadding: 10
        focusPolicy: Qt.NoFocus
        background: Rectangle {
            radius: 6
            color: page.view === entry.name ? Theme.selection : entry.hovered ? Theme.hover : "transparent"
        }
        contentItem: RowLayout {
            Label {
                Layout.fillWidth: true
                text: entry.text
                color: Theme.text
                font.bold: page.view === entry.name
                elide: Text.ElideRight
            }
            Label {
                visible: entry.count >= 0
                text: entry.count
                color: Theme.mutedText
            }
        }
        onClicked: page.showView(name)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // The navigation.
        Rectangle {
            Layout.preferredWidth: 172
            Layout.fillHeight: true
            color: Theme.sidebar
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 10
                spacing: 2
                NavEntry {
                    objectName: "navContacts"
                    name: "contacts"
                    text: qsTr("All contacts")
                    count: page.view === "contacts" ? contactModel.unfilteredCount : -1
                }
                NavEntry {
                    objectName: "navBirthdays"
                    name: "birthdays"
                    text: qsTr("Birthdays")
                }
                NavEntry {
                    objectName: "navArchived"
                    name: "archived"
                    text: qsTr("Archived")
                    count: page.view === "archived" ? contactModel.unfilteredCount : -1
                }
                Label {
                    Layout.topMargin: 16
                    leftPadding: 12
                    text: qsTr("Sort by")
                    color: Theme.mutedText
                    font.pixelSize: 12
                }
                RadioButton {
                    objectName: "sortByFirstName"
                    text: qsTr("First name")
                    checked: !contactModel.byLastName
                    onClicked: contactModel.byLastName = false
                }
                RadioButton {
                    objectName: "sortByLastName"
                    text: qsTr("Last name")
                    checked: contactModel.byLastName
                    onClicked: contactModel.byLastName = true
                }
                Item { Layout.fillHeight: true }
                Button {
                    Layout.fillWidth: true
                    text: qsTr("Import…")
                    onClicked: page.startImport()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Ctrl+I")
                }
                Button {
                    Layout.fillWidth: true
                    text: qsTr("Export…")
                    onClicked: {
                        exportDialog.selectedIds = contactModel.selectedIds()
                        exportDialog.openExport()
                    }
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Ctrl+E")
                }
            }
        }

        // The list, or the birthdays.
        Rectangle {
            Layout.preferredWidth: Math.min(320, Math.max(260, page.width * 0.3))
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            border.width: 1

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: 8
                spacing: 6
                visible: page.view !== "birthdays"

                SelectionBar {
                    objectName: "selectionBar"
                    Layout.fillWidth: true
                    visible: contactModel.selectedCount > 0
                    count: contactModel.selectedCount
                    accentColor: page.accentColor
                    onFavoriteRequested: favorite => page.setSelectionFavorite(favorite)
                    onExportRequested: page.exportSelection()
                    onDeleteRequested: page.deleteSelection()
                    onClearRequested: {
                        contactModel.clearSelection()
                        contactList.forceActiveFocus()
                    }
                }
                TextField {
                    id: searchField
                    objectName: "searchField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search contacts (Ctrl+F)")
                    Keys.onDownPressed: {
                        contactList.forceActiveFocus()
                        if (contactList.currentIndex < 0)
                            page.selectRow(0)
                    }
                    Keys.onEscapePressed: {
                        text = ""
                        contactList.forceActiveFocus()
                    }
                }
                ListView {
                    id: contactList
                    objectName: "contactList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: contactModel
                    reuseItems: true
                    keyNavigationEnabled: false
                    currentIndex: -1
                    highlightMoveDuration: 0
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    section.property: "section"
                    section.delegate: Label {
                        required property string section
                        width: ListView.view.width
                        text: page.sectionTitle(section)
                        topPadding: 10
                        bottomPadding: 4
                        leftPadding: 10
                        font.bold: true
                        font.pixelSize: 13
                        color: page.accentColor
                    }
                    Keys.onUpPressed: event => page.moveBy(-1, event.modifiers)
                    Keys.onDownPressed: event => page.moveBy(1, event.modifiers)
                    Keys.onPressed: event => {
                        if (event.key === Qt.Key_PageDown || event.key === Qt.Key_PageUp) {
                            const rows = Math.max(1, Math.floor(height / 56))
                            page.selectRow(Math.max(0, Math.min(count - 1, currentIndex + (event.key === Qt.Key_PageDown ? rows : -rows))))
                            event.accepted = true
                        } else if (event.key === Qt.Key_Home || event.key === Qt.Key_End) {
                            page.selectRow(event.key === Qt.Key_Home ? 0 : count - 1)
                            event.accepted = true
                        } else if (event.key === Qt.Key_A && (event.modifiers & Qt.ControlModifier)) {
                            page.selectAll()
                            event.accepted = true
                        } else if (event.key === Qt.Key_Escape && contactModel.selectedCount > 0) {
                            contactModel.clearSelection()
                            event.accepted = true
                        }
                    }
                    Keys.onDeletePressed: contactModel.selectedCount > 0 ? page.deleteSelection() : page.deleteSelected()
                    Keys.onReturnPressed: page.editContact(page.selectedId)
                    delegate: ContactRow {
                        width: ListView.view.width
                        current: contactId === page.selectedId
                        onClicked: modifiers => {
                            page.clickRow(index, modifiers)
                            contactList.forceActiveFocus()
                        }
                    }

                    BusyIndicator {
                        anchors.centerIn: parent
                        running: contactModel.loading
                        visible: running
                    }
                    Label {
                        objectName: "listEmpty"
                        anchors.centerIn: parent
                        width: parent.width - 32
                        visible: contactList.count === 0 && !contactModel.loading
                        text: contactModel.unfilteredCount > 0
                              ? qsTr("No contact matches “%1”. The search looks in names, emails, phones, companies, addresses, notes and tags.").arg(searchField.text)
                              : page.view === "archived"
                                ? qsTr("No archived contacts. Archive a contact from its card to keep it without seeing it in the list.")
                                : qsTr("No contacts yet. Press Ctrl+N to add one, or Ctrl+I to import a vCard or CSV file.")
                        color: Theme.mutedText
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
            }
            BirthdaysView {
                id: birthdaysView
                anchors.fill: parent
                anchors.margins: 1
                visible: page.view === "birthdays"
                controller: controller
                language: page.language
                selectedId: page.selectedId
                onChosen: id => page.selectedId = id
            }
        }

        // The card.
        ContactCard {
            id: card
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: controller
            contactId: page.selectedId
            language: page.language
            accentColor: page.accentColor
            onEditRequested: page.editContact(page.selectedId)
            onDeleteRequested: page.deleteSelected()
        }
    }

    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 16
        visible: page.notice !== ""
        width: noticeLabel.implicitWidth + 32
        height: noticeLabel.implicitHeight + 16
        radius: height / 2
        color: Theme.dark ? "#3a3b44" : "#1d1d22"
        Label {
            id: noticeLabel
            anchors.centerIn: parent
            text: page.notice
            color: "#ffffff"
        }
    }
}
