import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls
import ManaSkillTree

// "Log activity": what was practised for one skill. XP as a number, or left
// empty to earn 1 XP per minute of the duration; a description; the date
// and time, now unless changed. Enter logs, Esc cancels; a refusal is a
// sentence under the fields and writes nothing. The same dialog edits a
// logged activity (openForEdit): its fields filled in, Save writes them.
ShellDialog {
    id: dialog

    property SkillTreeController controller
    property string skillId: ""
    // Non-empty: the dialog edits this activity instead of logging one.
    property string activityId: ""
    readonly property bool editing: activityId !== ""
    property string errorText: ""
    readonly property alias xpField: xpField
    readonly property alias durationField: durationField
    readonly property alias descriptionField: descriptionField
    readonly property alias dateField: dateField
    readonly property alias timeField: timeField

    // The XP the fields earn as typed (-1: none yet).
    readonly property int earnedXp: {
        const xp = parseInt(xpField.text, 10)
        if (xpField.text.trim() !== "")
            return isNaN(xp) ? -1 : xp
        const minutes = parseInt(durationField.text, 10)
        return isNaN(minutes) || minutes <= 0 ? -1 : controller.xpForDuration(minutes)
    }

    title: (editing ? qsTr("Edit activity · %1") : qsTr("Log activity · %1"))
           .arg(controller ? controller.skillName(skillId) : "")
    width: Math.min(460, parent ? parent.width - 40 : 460)

    function openFor(id) {
        skillId = id
        activityId = ""
        errorText = ""
        xpField.text = ""
        durationField.text = ""
        descriptionField.text = ""
        dateField.text = controller.dateTextNow()
        timeField.text = controller.timeTextNow()
        open()
        durationField.forceActiveFocus()
    }
    // False when the activity is gone.
    function openForEdit(id) {
        const fields = controller.activityFields(id)
        if (fields.skillId === undefined)
            return false
        activityId = id
        skillId = fields.skillId
        errorText = ""
        xpField.text = fields.xp
        durationField.text = fields.duration
        descriptionField.text = fields.description
        dateField.text = fields.date
        timeField.text = fields.time
        open()
        durationField.forceActiveFocus()
        return true
    }
    function sentenceFor(code) {
        switch (code) {
        case SkillLogError.NoSuchSkill: return qsTr("This skill no longer exists. Choose another one.")
        case SkillLogError.NoXp: return qsTr("Enter the XP you earned or how many minutes you practised.")
        case SkillLogError.XpOutOfRange: return qsTr("XP must be between 1 and 10000.")
        case SkillLogError.DurationOutOfRange: return qsTr("The duration must be between 0 and 1440 minutes (one day).")
        case SkillLogError.FutureTime: return qsTr("The time lies in the future. Log what you already did.")
        case SkillLogError.XpNotANumber: return qsTr("XP must be a whole number, such as 30.")
        case SkillLogError.DurationNotANumber: return qsTr("The duration must be a whole number of minutes, such as 45.")
        case SkillLogError.InvalidTime: return qsTr("Enter the date as yyyy-mm-dd and the time as hh:mm.")
        case SkillLogError.NoSuchActivity: return qsTr("This activity no longer exists.")
        default: return qsTr("The activity could not be saved. Try again.")
        }
    }
    function confirm() {
        const code = editing
            ? controller.editActivity(activityId, xpField.text, durationField.text,
                                      descriptionField.text, dateField.text, timeField.text)
            : controller.logActivity(skillId, xpField.text, durationField.text,
                                     descriptionField.text, dateField.text, timeField.text)
        if (code === SkillLogError.None) {
            errorText = ""
            close()
        } else {
            errorText = sentenceFor(code)
        }
    }

    contentItem: ColumnLayout {
        spacing: 10
        Keys.onReturnPressed: dialog.confirm()
        Keys.onEnterPressed: dialog.confirm()

        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 8
            Layout.fillWidth: true
            Label { text: qsTr("Duration"); color: Theme.text }
            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: durationField
                    objectName: "durationField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("minutes")
                    inputMethodHints: Qt.ImhDigitsOnly
                }
                Label { text: qsTr("min"); color: Theme.mutedText }
            }
            Label { text: qsTr("XP"); color: Theme.text }
            TextField {
                id: xpField
                objectName: "xpField"
                Layout.fillWidth: true
                placeholderText: qsTr("1 XP per minute")
                inputMethodHints: Qt.ImhDigitsOnly
            }
            Label { text: qsTr("What you did"); color: Theme.text }
            TextField {
                id: descriptionField
                objectName: "descriptionField"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. Read two chapters")
            }
            Label { text: qsTr("Date"); color: Theme.text }
            DateField {
                id: dateField
                optional: false
                Layout.fillWidth: true
            }
            Label { text: qsTr("Time"); color: Theme.text }
            TextField {
                id: timeField
                objectName: "timeField"
                Layout.preferredWidth: 90
                placeholderText: qsTr("hh:mm")
            }
        }
        Label {
            objectName: "earnedText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: dialog.earnedXp > 0 ? qsTr("This earns %1 XP.").arg(dialog.earnedXp)
                                      : qsTr("Leave XP empty to earn 1 XP per minute of the duration.")
        }
        Label {
            objectName: "logError"
            visible: dialog.errorText !== ""
            text: dialog.errorText
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.errorText
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                flat: true
                onClicked: dialog.close()
            }
            Button {
                objectName: "logButton"
                text: dialog.editing ? qsTr("Save") : qsTr("Log")
                highlighted: true
                onClicked: dialog.confirm()
            }
        }
    }
}
