import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaContacts
import ManaControls

// Export: every contact (the archived ones aside), the selected one or the
// several selected (the selection bar's Export), as
// vCard 3.0, vCard 4.0, Google CSV or Outlook CSV (with a BOM for Excel),
// then where to save it.
ShellDialog {
    id: dialog

    required property ContactsController controller
    property string selectedId: ""
    property string selectedName: ""
    // Several selected contacts (the list's selection); wins over selectedId.
    property var selectedIds: []
    property int format: ContactsExportFormat.VCard3
    readonly property bool hasSelection: selectedIds.length > 0 || selectedId !== ""
    readonly property bool onlySelected: selectedButton.checked && hasSelection

    signal exported(string text)

    title: qsTr("Export contacts")
    width: 420
    standardButtons: Dialog.NoButton

    // onlySelection: the selection bar's Export, "Only the 3 selected".
    function openExport(onlySelection) {
        if (onlySelection === true && hasSelection)
            selectedButton.checked = true
        else
            allButton.checked = true
        open()
    }
    function exportIds() {
        return !onlySelected ? [] : selectedIds.length > 0 ? selectedIds : [selectedId]
    }
    function suffix() {
        return format === ContactsExportFormat.GoogleCsv || format === ContactsExportFormat.OutlookCsv ? "csv" : "vcf"
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Export contacts")
        fileMode: FileDialog.SaveFile
        defaultSuffix: dialog.suffix()
        nameFilters: dialog.suffix() === "csv" ? [qsTr("CSV files (*.csv)")] : [qsTr("vCard files (*.vcf *.vcard)")]
        onAccepted: {
            const ids = dialog.exportIds()
            const count = dialog.controller.exportCount(ids)
            if (dialog.controller.exportTo(selectedFile, dialog.format, ids))
                dialog.exported(count === 1 ? qsTr("1 contact exported") : qsTr("%1 contacts exported").arg(count))
        }
    }

    contentItem: ColumnLayout {
        spacing: 8
        RadioButton {
            id: allButton
            checked: true
            text: qsTr("All contacts (%1)").arg(dialog.visible ? dialog.controller.exportCount([]) : 0)
        }
        RadioButton {
            id: selectedButton
            objectName: "exportSelected"
            enabled: dialog.hasSelection
            text: dialog.selectedIds.length > 1 ? qsTr("Only the %1 selected").arg(dialog.selectedIds.length)
                  : dialog.selectedId !== "" ? qsTr("Only %1").arg(dialog.selectedName || qsTr("the selected contact"))
                  : qsTr("Only the selected contact")
        }
        Label {
            Layout.topMargin: 8
            text: qsTr("Format")
            color: Theme.text
        }
        ComboBox {
            objectName: "exportFormat"
            Layout.fillWidth: true
            model: [qsTr("vCard 3.0 (most address books)"), qsTr("vCard 4.0"), qsTr("Google Contacts CSV"),
                    qsTr("Outlook CSV (opens in Excel)")]
            currentIndex: dialog.format
            onActivated: index => dialog.format = index
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.controller.lastError !== ""
            text: dialog.controller.lastError
            color: Theme.errorText
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            Button {
                highlighted: true
                text: qsTr("Export…")
                onClicked: {
                    dialog.close()
                    saveDialog.open()
                }
            }
        }
    }
}
