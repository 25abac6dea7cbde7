import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaContext
import ManaControls

// The open document: its title, short ID, type and pin, the Markdown
// source and its live preview side by side (Ctrl+E hides the preview), and
// the status line with words, characters and the token estimate. The text
// goes to the controller at every key; the controller saves it.
Item {
    id: editor

    required property ContextController controller
    property string language: "en"
    // Wide enough: source and preview side by side, Ctrl+E hides the
    // preview. Narrower: one of them, Ctrl+E switches.
    readonly property bool sideBySide: width >= 640
    property bool previewBeside: true
    property bool previewInstead: false
    readonly property bool previewShown: sideBySide ? previewBeside : previewInstead
    function togglePreview() {
        if (sideBySide)
            previewBeside = !previewBeside
        else
            previewInstead = !previewInstead
        if (!previewShown)
            sourceArea.forceActiveFocus()
    }
    readonly property alias sourceArea: sourceArea
    readonly property alias titleField: titleField
    readonly property alias preview: preview
    readonly property alias statusLabel: statusLabel
    readonly property alias typeBox: typeBox

    readonly property alias tagField: tagField
    // The last add's TagProblem (0: none), shown as a sentence.
    property int tagProblem: 0
    function addTag(text) {
        tagProblem = controller.addTag(text)
        if (tagProblem === TagProblem.None)
            tagField.text = ""
    }
    function removeTag(tag) {
        tagProblem = controller.removeTag(tag)
    }
    function tagProblemText(problem) {
        switch (problem) {
        case TagProblem.Empty: return qsTr("A tag needs a letter or digit.")
        case TagProblem.TooLong: return qsTr("A tag can have at most 40 characters.")
        case TagProblem.Duplicate: return qsTr("The document already has this tag.")
        case TagProblem.TooMany: return qsTr("A document can have at most 20 tags.")
        case TagProblem.NoDocument: return qsTr("Open a document to tag it.")
        case TagProblem.Refused: return qsTr("The tag could not be saved.")
        default: return ""
        }
    }

    signal deleteRequested
    signal exportRequested

    // The controller's text into the fields when it changed under them (a
    // document opened, a change synced), never while it echoes typing.
    property string shownDocumentId: ""
    function syncFromController() {
        // Another document: the last one's tag sentence and half-typed tag go.
        if (shownDocumentId !== controller.documentId) {
            shownDocumentId = controller.documentId
            tagProblem = 0
            tagField.text = ""
        }
        if (sourceArea.text !== controller.text) {
            sourceArea.loading = true
            sourceArea.text = controller.text
            sourceArea.loading = false
        }
        if (titleField.text !== controller.title)
            titleField.text = controller.title
    }
    // Selects the match a search found and scrolls to it.
    function showMatch(position, length) {
        // The match is selected in the source: show it if the preview
        // stands in its place.
        previewInstead = false
        sourceArea.forceActiveFocus()
        if (position < 0) {
            sourceArea.cursorPosition = 0
            return
        }
        sourceArea.select(position, position + length)
        const rect = sourceArea.positionToRectangle(position)
        sourceFlick.contentY = Math.max(0, Math.min(rect.y - sourceFlick.height / 3,
                                                    sourceFlick.contentHeight - sourceFlick.height))
    }
    function numberText(n) {
        return Number(n).toLocaleString(Qt.locale(language === "de" ? "de_DE" : "en_GB"), "f", 0)
    }

    Connections {
        target: editor.controller
        function onDocumentChanged() { editor.syncFromController() }
        function onTextChanged() { editor.syncFromController() }
    }
    Component.onCompleted: syncFromController()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 16
            Layout.topMargin: 8
            spacing: 8
            TextField {
                id: titleField
                objectName: "titleField"
                Layout.fillWidth: true
                font.pixelSize: 20
                font.bold: true
                placeholderText: qsTr("Title")
                color: Theme.text
                placeholderTextColor: Theme.mutedText
                background: Item {}
                leftPadding: 0
                onTextEdited: editor.controller.editTitle(text)
                Keys.onReturnPressed: sourceArea.forceActiveFocus()
                Keys.onEnterPressed: sourceArea.forceActiveFocus()
            }
            Label {
                objectName: "shortIdLabel"
                // Never hidden: a RowLayout does not place a child that
                // turns visible later (Qt 6.4); empty, it takes no room.
                text: editor.controller.shortId
                color: Theme.mutedText
                font.family: "monospace"
                ToolTip.visible: shortIdMouse.containsMouse
                ToolTip.text: qsTr("Short ID: the space's prefix and a number, unique in the space")
                MouseArea { id: shortIdMouse; anchors.fill: parent; hoverEnabled: true }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 16
            Layout.rightMargin: 12
            Layout.bottomMargin: 4
            spacing: 2
            ComboBox {
                id: typeBox
                objectName: "typeBox"
                readonly property var values: ["text", "context", "prompt"]
                model: [qsTr("Text"), qsTr("Context"), qsTr("Prompt")]
                currentIndex: Math.max(0, values.indexOf(editor.controller.type))
                implicitWidth: 116
                implicitHeight: 30
                font.pixelSize: 13
                onActivated: index => editor.controller.setType(values[index])
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Text: notes. Context: reference material for a model. Prompt: an instruction to reuse.")
            }
            ToolButton {
                objectName: "pinButton"
                font.pixelSize: 13
                text: editor.controller.pinned ? qsTr("Unpin") : qsTr("Pin")
                onClicked: editor.controller.setDocumentPinned(editor.controller.documentId, !editor.controller.pinned)
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Pinned documents stay at the top of their space")
            }
            ToolButton {
                objectName: "previewButton"
                font.pixelSize: 13
                checkable: true
                checked: editor.previewShown
                text: qsTr("Preview")
                onClicked: {
                    editor.togglePreview()
                    // The click's own toggle broke the binding; Ctrl+E
                    // must keep moving it.
                    checked = Qt.binding(() => editor.previewShown)
                }
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Show or hide the preview (Ctrl+E)")
            }
            ToolButton {
                objectName: "exportButton"
                font.pixelSize: 13
                text: qsTr("Export…")
                onClicked: editor.exportRequested()
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Save this document as a Markdown file")
            }
            Item { Layout.fillWidth: true }
            ToolButton {
                objectName: "deleteDocumentButton"
                font.pixelSize: 13
                text: qsTr("Delete")
                onClicked: editor.deleteRequested()
            }
        }
        // The tags: chips, each with ✕, and a field that adds one (Enter).
        // Backspace in the empty field removes the last tag, as in mail
        // clients' address fields.
        Flow {
            id: tagFlow
            objectName: "tagFlow"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 16
            Layout.bottomMargin: 6
            spacing: 6
            Repeater {
                model: editor.controller.tags
                TagChip {
                    required property string modelData
                    tag: modelData
                    removable: true
                    onRemoveClicked: editor.removeTag(modelData)
                }
            }
            TextField {
                id: tagField
                objectName: "tagField"
                width: 150
                height: 24
                topPadding: 2
                bottomPadding: 2
                font.pixelSize: 12
                placeholderText: qsTr("Add tag…")
                placeholderTextColor: Theme.mutedText
                color: Theme.text
                Accessible.name: qsTr("Add tag")
                onTextEdited: editor.tagProblem = 0
                Keys.onReturnPressed: editor.addTag(text)
                Keys.onEnterPressed: editor.addTag(text)
                Keys.onEscapePressed: { text = ""; editor.tagProblem = 0; sourceArea.forceActiveFocus() }
                Keys.onPressed: event => {
                    if (event.key === Qt.Key_Backspace && text === "" && editor.controller.tags.length > 0) {
                        editor.removeTag(editor.controller.tags[editor.controller.tags.length - 1])
                        event.accepted = true
                    }
                }
            }
            Label {
                id: tagProblemLabel
                objectName: "tagProblem"
                // On a row of its own when it does not fit beside the
                // field, wrapped when the editor is narrower than it.
                width: Math.min(implicitWidth, tagFlow.width)
                height: Math.max(24, implicitHeight)
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
                color: Theme.errorText
                font.pixelSize: 12
                text: editor.tagProblemText(editor.tagProblem)
            }
        }
        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal

            Flickable {
                id: sourceFlick
                visible: editor.sideBySide || !editor.previewInstead
                SplitView.fillWidth: true
                SplitView.minimumWidth: 200
                clip: true
                ScrollBar.vertical: ScrollBar {}
                TextArea.flickable: TextArea {
                    id: sourceArea
                    objectName: "sourceArea"
                    property bool loading: false
                    wrapMode: TextEdit.Wrap
                    font.family: "monospace"
                    font.pixelSize: 14
                    color: Theme.text
                    selectedTextColor: Theme.text
                    selectionColor: Theme.selection
                    padding: 20
                    placeholderText: qsTr("Write in Markdown: # for a heading, - for a list, **bold**, *italic*, [a link](https://…)")
                    placeholderTextColor: Theme.mutedText
                    background: Rectangle { color: Theme.surface }
                    textFormat: TextEdit.PlainText
                    onTextChanged: if (!loading) editor.controller.edit(text)
                    onActiveFocusChanged: if (!activeFocus) editor.controller.save()
                }
            }
            ScrollView {
                objectName: "previewPane"
                clip: true
                visible: editor.previewShown
                SplitView.preferredWidth: editor.sideBySide ? editor.width / 2 : editor.width
                SplitView.fillWidth: !editor.sideBySide
                SplitView.minimumWidth: 200
                contentWidth: availableWidth
                background: Rectangle { color: Theme.window }
                TextEdit {
                    id: preview
                    objectName: "preview"
                    width: parent.width
                    padding: 20
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    // Qt's Markdown reader, spaced and coloured for the
                    // theme (markdownpreview.h).
                    textFormat: TextEdit.RichText
                    text: editor.controller.previewHtml
                    color: Theme.text
                    selectionColor: Theme.selection
                    selectedTextColor: Theme.text
                    font.pixelSize: 15
                    onLinkActivated: link => Qt.openUrlExternally(link)
                    HoverHandler {
                        cursorShape: preview.hoveredLink !== "" ? Qt.PointingHandCursor : Qt.IBeamCursor
                    }
                }
            }
        }

        Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 1; color: Theme.border }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 16
            Layout.preferredHeight: 30
            spacing: 16
            Label {
                id: statusLabel
                objectName: "statusLabel"
                color: Theme.mutedText
                font.pixelSize: 12
                text: (editor.controller.wordCount === 1 ? qsTr("1 word") : qsTr("%1 words").arg(editor.numberText(editor.controller.wordCount)))
                      + "  ·  " + (editor.controller.characterCount === 1 ? qsTr("1 character") : qsTr("%1 characters").arg(editor.numberText(editor.controller.characterCount)))
                      + "  ·  " + qsTr("≈ %1 tokens").arg(editor.numberText(editor.controller.tokenEstimate))
                ToolTip.visible: statusMouse.containsMouse
                ToolTip.text: qsTr("Tokens are an estimate: about 4 characters per token, one per Chinese or Japanese character. A model's own tokenizer may count differently.")
                MouseArea { id: statusMouse; anchors.fill: parent; hoverEnabled: true }
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "saveState"
                color: Theme.mutedText
                font.pixelSize: 12
                text: editor.controller.dirty ? qsTr("Saving…") : qsTr("Saved")
            }
        }
    }
}
