import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaQuestions
import ManaControls

// One answer: the accepted mark, the text, its sources as links (opened
// in the browser; only http(s) addresses get this far), 1–5 stars (the
// lit star again clears), Accept / Un-accept, Edit and Delete.
Rectangle {
    id: view

    required property var page
    required property answerItem answer

    objectName: "answer_" + answer.id
    implicitHeight: column.implicitHeight + 24
    radius: Theme.radius
    color: Theme.surface
    border.width: answer.accepted ? 2 : 1
    border.color: answer.accepted ? Theme.synced : Theme.border

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 12
        spacing: 8
        Label {
            visible: view.answer.accepted
            text: "✓ " + qsTr("Accepted answer")
            color: Theme.synced
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            text: view.answer.content
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: 14
            textFormat: Text.PlainText
        }
        Repeater {
            model: view.answer.citations
            Label {
                required property citationItem modelData
                objectName: "citationLink"
                Layout.fillWidth: true
                // Synced text: escaped before it becomes markup.
                text: "↗ " + view.page.escaped(modelData.title) + "  <font color=\"" + Theme.mutedText + "\">" + view.page.escaped(modelData.url) + "</font>"
                textFormat: Text.StyledText
                elide: Text.ElideRight
                color: Theme.accent
                font.underline: linkMouse.containsMouse
                Accessible.role: Accessible.Link
                Accessible.name: modelData.title
                MouseArea {
                    id: linkMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: Qt.openUrlExternally(parent.modelData.url)
                }
                ToolTip.visible: linkMouse.containsMouse
                ToolTip.text: modelData.url
            }
        }
        Label {
            visible: view.answer.citationsDamaged && view.answer.citations.length === 0
            text: qsTr("No sources (the stored list could not be read).")
            color: Theme.mutedText
            font.pixelSize: 12
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 2
            Repeater {
                model: 5
                Label {
                    required property int index
                    objectName: "star_" + (index + 1)
                    text: index < view.answer.rating ? "★" : "☆"
                    font.pixelSize: 20
                    color: index < view.answer.rating ? "#e0a630" : Theme.mutedText
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("%1 of 5 stars").arg(index + 1)
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: view.page.controller.setRating(view.answer.id, view.answer.rating === index + 1 ? 0 : index + 1)
                    }
                }
            }
            Label {
                Layout.leftMargin: 6
                text: view.answer.rating === 0 ? qsTr("Not rated") : ""
                color: Theme.mutedText
                font.pixelSize: 12
            }
            Item { Layout.fillWidth: true }
            CompactButton {
                objectName: "acceptButton"
                text: view.answer.accepted ? qsTr("Un-accept") : qsTr("Accept")
                highlighted: !view.answer.accepted
                flat: view.answer.accepted
                onClicked: view.answer.accepted ? view.page.controller.unacceptAnswer(view.answer.id)
                                                : view.page.controller.acceptAnswer(view.answer.id)
            }
            CompactButton {
                objectName: "editAnswerButton"
                text: qsTr("Edit")
                flat: true
                onClicked: view.page.editAnswer(view.answer)
            }
            CompactButton {
                text: qsTr("Delete")
                flat: true
                onClicked: view.page.controller.removeAnswer(view.answer.id)
            }
        }
    }
}
