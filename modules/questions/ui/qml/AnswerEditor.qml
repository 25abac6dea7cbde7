import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// "Add answer" (or "Edit answer" for one loaded with edit()): the text and its sources, one row per source (web address
// and title; an empty title becomes the site's name). Ctrl+Return saves.
// A refused source keeps everything typed and names its row.
ColumnLayout {
    id: editor

    required property var page
    property string questionId: ""
    // The answer being edited ("": a new one).
    property string answerId: ""
    readonly property alias contentField: contentField
    readonly property alias sources: sources

    // Why the last save was refused, shown under the sources.
    property string error: ""

    signal saved(string answerId)

    spacing: 8

    // Loads an answer to change its text and sources.
    function edit(answer) {
        answerId = answer.id
        contentField.text = answer.content
        error = ""
        sources.clear()
        for (let i = 0; i < answer.citations.length; ++i)
            sources.append({ url: answer.citations[i].url, title: answer.citations[i].title })
        sources.append({ url: "", title: "" })
        contentField.forceActiveFocus()
    }
    function clear() {
        answerId = ""
        contentField.text = ""
        error = ""
        sources.clear()
        sources.append({ url: "", title: "" })
    }
    function save() {
        const rows = []
        for (let i = 0; i < sources.count; ++i)
            rows.push({ url: sources.get(i).url, title: sources.get(i).title })
        const id = answerId !== ""
            ? (page.controller.editAnswer(answerId, contentField.text, rows) ? answerId : "")
            : page.controller.addAnswer(questionId, contentField.text, rows)
        if (id === "") {
            error = page.controller.lastError
            return ""
        }
        clear()
        saved(id)
        return id
    }

    ListModel {
        id: sources
        ListElement { url: ""; title: "" }
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: contentField.activeFocus || editor.activeFocusInSources
        onActivated: editor.save()
    }
    property bool activeFocusInSources: false

    Label {
        objectName: "editorTitle"
        text: editor.answerId !== "" ? qsTr("Edit answer") : qsTr("Add answer")
        font.bold: true
        font.pixelSize: 15
        color: Theme.text
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.preferredHeight: 110
        TextArea {
            id: contentField
            objectName: "answerContent"
            wrapMode: TextEdit.Wrap
            placeholderText: qsTr("What did you find out?")
            color: Theme.text
            background: Rectangle {
                color: Theme.surface
                radius: Theme.radius
                border.color: contentField.activeFocus ? Theme.accent : Theme.border
            }
        }
    }
    Label {
        text: qsTr("Sources")
        color: Theme.mutedText
    }
    Repeater {
        model: sources
        RowLayout {
            id: sourceRow
            required property int index
            required property string url
            required property string title
            readonly property bool refused: editor.page.controller.citationErrorRow === index
            Layout.fillWidth: true
            objectName: "sourceRow_" + index
            TextField {
                objectName: "sourceUrl"
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                placeholderText: "https://…"
                text: sourceRow.url
                color: Theme.text
                onTextEdited: sources.setProperty(sourceRow.index, "url", text)
                onActiveFocusChanged: editor.activeFocusInSources = activeFocus
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: sourceRow.refused ? 2 : 1
                    border.color: sourceRow.refused ? Theme.error : (parent.activeFocus ? Theme.accent : Theme.border)
                }
            }
            TextField {
                objectName: "sourceTitle"
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                placeholderText: qsTr("Title (optional)")
                text: sourceRow.title
                color: Theme.text
                onTextEdited: sources.setProperty(sourceRow.index, "title", text)
                onActiveFocusChanged: editor.activeFocusInSources = activeFocus
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.color: parent.activeFocus ? Theme.accent : Theme.border
                }
            }
            CompactButton {
                text: "✕"
                flat: true
                Accessible.name: qsTr("Remove source")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Remove source")
                onClicked: {
                    sources.remove(sourceRow.index)
                    if (sources.count === 0)
                        sources.append({ url: "", title: "" })
                }
            }
        }
    }
    Label {
        objectName: "editorError"
        visible: editor.error !== ""
        text: editor.error
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        padding: 8
        color: Theme.noticeText
        background: Rectangle { color: Theme.noticeBackground; radius: Theme.radius }
    }
    RowLayout {
        Layout.fillWidth: true
        CompactButton {
            objectName: "addSourceButton"
            text: qsTr("Add source")
            flat: true
            onClicked: sources.append({ url: "", title: "" })
        }
        Item { Layout.fillWidth: true }
        CompactButton {
            visible: editor.answerId !== ""
            text: qsTr("Cancel")
            flat: true
            onClicked: editor.clear()
        }
        CompactButton {
            objectName: "saveAnswerButton"
            text: editor.answerId !== "" ? qsTr("Save changes") : qsTr("Save answer")
            highlighted: true
            enabled: contentField.text.trim() !== ""
            onClicked: editor.save()
        }
    }
}
