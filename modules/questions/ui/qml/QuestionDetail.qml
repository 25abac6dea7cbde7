import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaQuestions
import ManaControls

// One question as a notebook page: its title and details (edited in
// place), status, priority and tags, its answers (accepted first; sources
// as links, stars, Accept) and the editor for a new answer.
FocusScope {
    id: detail

    required property var page
    property string questionId: ""
    // Read again on every write to the app's records.
    readonly property questionItem question: { page.controller.revision; return page.controller.question(questionId) }
    readonly property var answers: { page.controller.revision; return page.controller.answers(questionId) }
    readonly property alias editor: editor

    objectName: "questionDetail"

    Keys.onEscapePressed: page.closeQuestion()

    // The editor loaded with the answer, scrolled into view.
    function editAnswer(answer) {
        editor.edit(answer)
        const flick = scroll.contentItem
        flick.contentY = Math.max(0, Math.min(editor.y - 16, flick.contentHeight - flick.height))
    }

    ScrollView {
        id: scroll
        objectName: "detailScroll"
        anchors.fill: parent
        contentWidth: availableWidth
        // Given, not deduced: with contentWidth set, Qt 6.4 left the height
        // at the first line's and nothing below it could be scrolled to.
        contentHeight: pageColumn.implicitHeight
        ColumnLayout {
            id: pageColumn
            width: Math.min(scroll.availableWidth, 820)
            spacing: 12

            RowLayout {
                Layout.fillWidth: true
                CompactButton {
                    objectName: "backButton"
                    text: "‹ " + (detail.page.boardShown ? qsTr("Board") : qsTr("List"))
                    flat: true
                    onClicked: detail.page.closeQuestion()
                }
                Item { Layout.fillWidth: true }
                Label {
                    text: detail.question.created !== "" ? qsTr("Asked %1").arg(detail.page.dayText(detail.question.created)) : ""
                    color: Theme.mutedText
                }
                CompactButton {
                    objectName: "deleteQuestionButton"
                    text: qsTr("Delete")
                    flat: true
                    onClicked: {
                        // With its answers, one Undo (not the shell's delete of one record).
                        if (detail.page.controller.removeQuestion(detail.questionId))
                            detail.page.closeQuestion()
                    }
                }
            }
            Label {
                visible: detail.question.id === ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("This question is gone; it may have been deleted on another device.")
            }
            TextField {
                id: titleField
                objectName: "titleField"
                visible: detail.question.id !== ""
                Layout.fillWidth: true
                text: detail.question.title
                font.pixelSize: 22
                font.bold: true
                color: Theme.text
                background: Rectangle {
                    color: titleField.activeFocus ? Theme.surface : "transparent"
                    radius: Theme.radius
                    border.color: titleField.activeFocus ? Theme.accent : "transparent"
                }
                onEditingFinished: if (text !== detail.question.title) detail.page.controller.editQuestion(detail.questionId, text, descriptionField.text)
            }
            GridLayout {
                visible: detail.question.id !== ""
                columns: 2
                columnSpacing: 12
                rowSpacing: 8
                Label { text: qsTr("Status"); color: Theme.mutedText }
                ComboBox {
                    objectName: "statusBox"
                    Layout.preferredWidth: 200
                    model: ["open", "researching", "answered", "archived"].map(s => ({ value: s, label: detail.page.statusText(s) }))
                    textRole: "label"
                    valueRole: "value"
                    currentIndex: { count; return indexOfValue(detail.question.status) }
                    onActivated: detail.page.controller.setStatus(detail.questionId, currentValue)
                }
                Label { text: qsTr("Priority"); color: Theme.mutedText }
                RowLayout {
                    ComboBox {
                        objectName: "priorityBox"
                        Layout.preferredWidth: 200
                        model: ["urgent", "high", "normal", "low"].map(p => ({ value: p, label: detail.page.priorityText(p) }))
                        textRole: "label"
                        valueRole: "value"
                        currentIndex: { count; return indexOfValue(detail.question.priority) }
                        onActivated: detail.page.controller.setPriority(detail.questionId, currentValue)
                    }
                    Rectangle { width: 12; height: 12; radius: 6; color: detail.page.priorityColor(detail.question.priority) }
                }
                Label { text: qsTr("Tags"); color: Theme.mutedText }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: detail.question.tags
                        TagChip {
                            required property string modelData
                            tag: modelData
                            removable: true
                            clickable: true
                            onClicked: detail.page.showTag(modelData)
                            onRemoveClicked: detail.page.controller.removeTag(detail.questionId, modelData)
                        }
                    }
                    TextField {
                        id: tagField
                        objectName: "tagField"
                        width: 140
                        placeholderText: qsTr("Add tag")
                        color: Theme.text
                        onAccepted: {
                            if (detail.page.controller.addTag(detail.questionId, text))
                                text = ""
                        }
                    }
                }
            }
            Label { visible: detail.question.id !== ""; text: qsTr("Details"); color: Theme.mutedText }
            TextArea {
                id: descriptionField
                objectName: "descriptionField"
                visible: detail.question.id !== ""
                Layout.fillWidth: true
                Layout.minimumHeight: 60
                wrapMode: TextEdit.Wrap
                text: detail.question.description
                placeholderText: qsTr("What do you already know, and what would a good answer tell you?")
                color: Theme.text
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.color: descriptionField.activeFocus ? Theme.accent : Theme.border
                }
                onActiveFocusChanged: if (!activeFocus && text !== detail.question.description) detail.page.controller.editQuestion(detail.questionId, titleField.text, text)
            }

            Label {
                visible: detail.question.id !== ""
                Layout.topMargin: 8
                text: detail.answers.length === 0 ? qsTr("Answers") : detail.answers.length === 1 ? qsTr("1 answer") : qsTr("%1 answers").arg(detail.answers.length)
                font.bold: true
                font.pixelSize: 16
                color: Theme.text
            }
            Label {
                objectName: "noAnswers"
                visible: detail.question.id !== "" && detail.answers.length === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.mutedText
                text: qsTr("No answers yet. Write down below what you found out, with the pages you found it on.")
            }
            Repeater {
                model: detail.answers
                AnswerView {
                    required property answerItem modelData
                    Layout.fillWidth: true
                    page: detail.page
                    answer: modelData
                }
            }
            Label {
                objectName: "questionError"
                visible: detail.page.controller.lastError !== "" && editor.error === ""
                text: detail.page.controller.lastError
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                padding: 8
                color: Theme.noticeText
                background: Rectangle { color: Theme.noticeBackground; radius: Theme.radius }
            }
            AnswerEditor {
                id: editor
                visible: detail.question.id !== ""
                Layout.fillWidth: true
                Layout.topMargin: 8
                Layout.bottomMargin: 16
                page: detail.page
                questionId: detail.questionId
            }
        }
    }
}
