import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// The generic form: every field of a collection with the editor its type
// asks for. Opens for a new record (openNew) or an existing one (openEdit);
// the record is written only when the form's C++ side accepts every field.
ShellDialog {
    id: dialog

    property alias form: recordForm
    property alias shell: recordForm.context
    property alias appId: recordForm.appId
    property alias collectionName: recordForm.collectionName

    signal saved(string recordId)

    function openNew(presets) {
        recordForm.recordId = ""
        recordForm.revert()
        if (presets)
            recordForm.preset(presets)
        open()
    }
    function openEdit(recordId) {
        recordForm.recordId = recordId
        recordForm.revert()
        open()
    }
    function submit() {
        if (recordForm.save()) {
            dialog.saved(recordForm.recordId)
            close()
        }
    }

    title: recordForm.heading
    width: Math.min(520, (parent ? parent.width : 600) - 60)
    height: Math.min(implicitHeight, (parent ? parent.height : 700) - 60)

    RecordForm {
        id: recordForm
    }

    onOpened: {
        const first = fieldRepeater.itemAt(0)
        if (first)
            first.takeFocus()
    }

    contentItem: ScrollView {
        id: scroller
        implicitHeight: Math.min(fieldsColumn.implicitHeight, 560)
        contentWidth: availableWidth
        clip: true
        ColumnLayout {
            id: fieldsColumn
            width: scroller.availableWidth
            spacing: 12
            Repeater {
                id: fieldRepeater
                model: recordForm.fields
                FieldEditor {
                    required property formField modelData
                    Layout.fillWidth: true
                    form: recordForm
                    spec: modelData
                    onAccepted: dialog.submit()
                }
            }
        }
    }

    footer: Pane {
        background: Item {}
        padding: 20
        topPadding: 8
        RowLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 8
            Label {
                objectName: "formError"
                Layout.fillWidth: true
                text: recordForm.error
                color: Theme.errorText
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Button {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            Button {
                objectName: "saveButton"
                text: recordForm.isNew ? qsTr("Create") : qsTr("Save")
                highlighted: true
                onClicked: dialog.submit()
            }
        }
    }

    Shortcut {
        enabled: dialog.opened
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        onActivated: dialog.submit()
    }
}
