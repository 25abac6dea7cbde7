import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaContacts
import ManaControls

// Export: every contact (the archived ones aside) or the selected one, as
// vCard 3.0, vCard 4.0, Google CSV or Outlook CSV (with a BOM for Excel),
// then where to save it.
ShellDialog {
    id: dialog

    required property ContactsController controller
    property string selectedId: ""
    property string selectedName: ""
    property int format: ContactsExportFormat.VCard3
    readonly property bool onlySelected: selectedButton.checked && selectedId !== ""

    signal exported(string text)

    title: qsTr("Export contacts")
    width: 420
    standardButtons: Dialog.NoButton

    function openExport() {
        allButton.checked = true
        open()
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
            const ids = dialog.onlySelected ? [dialog.selectedId] : []
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
            enabled: dialog.selectedId !== ""
            text: dialog.selectedId !== "" ? qsTr("Only %1").arg(dialog.selectedName || qsTr("the selected contact"))
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
