import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// One field of the generic form: its label and the control its editor kind
// asks for, bound to a RecordForm. The form's C++ side turns the control's
// value into the stored value (and refuses it with a sentence).
ColumnLayout {
    id: editor

    required property RecordForm form
    // An entry of RecordForm.fields.
    required property formField spec
    readonly property var value: form.values[spec.name]
    readonly property string errorText: form.fieldErrors[spec.name] || ""

    spacing: 4
    objectName: "field_" + spec.name

    // Enter in a one-line field submits the form.
    signal accepted

    function set(v) { form.setValue(spec.name, v) }
    function takeFocus() {
        if (control.item)
            control.item.forceActiveFocus()
    }

    Label {
        visible: editor.spec.kind !== FieldKind.Toggle
        text: editor.spec.label + (editor.spec.optional ? "" : " *")
        color: Theme.mutedText
        font.pixelSize: 12
    }

    Loader {
        id: control
        Layout.fillWidth: true
        sourceComponent: {
            switch (editor.spec.kind) {
            case FieldKind.MultiLine: return multiLine
            case FieldKind.Json: return jsonText
            case FieldKind.Number:
            case FieldKind.Integer: return number
            case FieldKind.Toggle: return toggle
            case FieldKind.Choice: return choice
            case FieldKind.Reference: return reference
            case FieldKind.Date: return date
            case FieldKind.DateTime: return dateTime
            case FieldKind.Blob: return blob
            default: return line
            }
        }
    }

    Label {
        objectName: "fieldError"
        Layout.fillWidth: true
        visible: editor.errorText !== ""
        text: editor.errorText
        color: Theme.errorText
        font.pixelSize: 12
        wrapMode: Text.WordWrap
    }

    Component {
        id: line
        TextField {
            objectName: "input_" + editor.spec.name
            text: editor.value || ""
            onTextEdited: editor.set(text)
            onAccepted: editor.accepted()
            Accessible.name: editor.spec.label
        }
    }
    Component {
        id: multiLine
        ScrollView {
            implicitHeight: 96
            TextArea {
                objectName: "input_" + editor.spec.name
                text: editor.value || ""
                wrapMode: TextEdit.Wrap
                onTextChanged: if (activeFocus) editor.set(text)
                KeyNavigation.priority: KeyNavigation.BeforeItem
                Accessible.name: editor.spec.label
                background: Rectangle {
                    color: Theme.surface
                    border.color: parent.activeFocus ? Theme.accent : Theme.border
                    radius: 4
                }
            }
        }
    }
    Component {
        id: jsonText
        ScrollView {
            implicitHeight: 120
            TextArea {
                objectName: "input_" + editor.spec.name
                text: editor.value || ""
                font.family: "monospace"
                font.pixelSize: 12
                wrapMode: TextEdit.NoWrap
                onTextChanged: if (activeFocus) editor.set(text)
                Accessible.name: editor.spec.label
                background: Rectangle {
                    color: Theme.surface
                    border.color: parent.activeFocus ? Theme.accent : Theme.border
                    radius: 4
                }
            }
        }
    }
    Component {
        id: number
        RowLayout {
            spacing: 6
            TextField {
                objectName: "input_" + editor.spec.name
                Layout.preferredWidth: 140
                // Plain digits with a point; a typed comma is read too.
                text: editor.value === undefined || editor.value === null ? "" : String(editor.value)
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                placeholderText: editor.spec.hasMinimum && editor.spec.hasMaximum
                                 ? editor.spec.minimum + "–" + editor.spec.maximum : ""
                onTextEdited: editor.set(text)
                Accessible.name: editor.spec.label
            }
            Label {
                visible: text !== ""
                text: editor.spec.unit || ""
                color: Theme.mutedText
            }
            Item { Layout.fillWidth: true }
        }
    }
    Component {
        id: blob
        Label {
            objectName: "input_" + editor.spec.name
            text: editor.value ? qsTr("A file is attached.") : qsTr("No file attached.")
            color: Theme.mutedText
        }
    }
    Component {
        id: toggle
        Switch {
            objectName: "input_" + editor.spec.name
            text: editor.spec.label
            checked: editor.value === true
            onToggled: editor.set(checked)
        }
    }
    Component {
        id: choice
        ComboBox {
            objectName: "input_" + editor.spec.name
            model: editor.spec.choices
            textRole: "label"
            valueRole: "value"
            currentIndex: { count; return indexOfValue(editor.value) }
            onActivated: editor.set(currentValue)
            Accessible.name: editor.spec.label
        }
    }
    Component {
        id: reference
        ComboBox {
            objectName: "input_" + editor.spec.name
            // The choices are read when the form opens; "None" first for an
            // optional link.
            model: (editor.spec.optional ? [{ id: "", title: qsTr("None") }] : [])
                   .concat(Array.from(editor.form.referenceChoices(editor.spec.name)))
            textRole: "title"
            valueRole: "id"
            currentIndex: { count; return Math.max(0, indexOfValue(editor.value)) }
            onActivated: editor.set(currentValue)
            Accessible.name: editor.spec.label
        }
    }
    Component {
        id: date
        DateField {
            text: editor.value || ""
            optional: editor.spec.optional
            onEdited: t => editor.set(t)
        }
    }
    Component {
        id: dateTime
        RowLayout {
            id: dateTimeRow
            readonly property string datePart: (editor.value || "").split(" ")[0] || ""
            readonly property string timePart: (editor.value || "").split(" ")[1] || ""
            spacing: 6
            function combine(d, t) {
                editor.set(d === "" ? "" : d + " " + (t === "" ? "09:00" : t))
            }
            DateField {
                Layout.fillWidth: true
                text: dateTimeRow.datePart
                optional: editor.spec.optional
                onEdited: t => dateTimeRow.combine(t, dateTimeRow.timePart)
            }
            TextField {
                objectName: "timeInput"
                Layout.preferredWidth: 72
                text: dateTimeRow.timePart
                placeholderText: enabled ? "09:00" : ""
                enabled: dateTimeRow.datePart !== ""
                inputMask: ""
                onTextEdited: dateTimeRow.combine(dateTimeRow.datePart, text)
                Accessible.name: qsTr("Time")
            }
        }
    }
}
