import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaQuestions
import ManaControls

// Every question of the filters in one list, sorted by the last change
// (indexed), priority, date asked or status (the header's buttons).
// Up/Down select, Enter opens, Ctrl+Left/Right move the selected
// question's status.
FocusScope {
    id: list

    required property var page
    property string currentId: ""
    property int order: QuestionOrder.Updated
    readonly property alias model: listQuestions

    objectName: "questionList"

    QuestionListModel {
        id: listQuestions
        store: list.page.store
        collectionId: list.page.collectionId
        tag: list.page.tagFilter
        text: list.page.searchText
        priority: list.page.priorityFilter
        order: list.order
    }

    Keys.onPressed: event => {
        const row = listQuestions.rowOf(currentId)
        if (event.key === Qt.Key_Up || event.key === Qt.Key_Down) {
            const next = Math.max(0, Math.min(listQuestions.count - 1, row + (event.key === Qt.Key_Up ? -1 : 1)))
            if (listQuestions.count > 0) {
                currentId = listQuestions.questionIdAt(next)
                rows.positionViewAtIndex(next, ListView.Contain)
            }
            event.accepted = true
        } else if ((event.key === Qt.Key_Left || event.key === Qt.Key_Right)
                   && (event.modifiers & Qt.ControlModifier) && currentId !== "") {
            page.controller.moveStatus(currentId, event.key === Qt.Key_Left ? -1 : 1)
            event.accepted = true
        } else if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter) && currentId !== "") {
            page.openQuestion(currentId)
            event.accepted = true
        } else if (event.key === Qt.Key_Menu && currentId !== "") {
            page.openMenu(currentId, list, list.width / 2, list.height / 3)
            event.accepted = true
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                text: qsTr("Sort by")
                color: Theme.mutedText
            }
            Repeater {
                model: [{ order: QuestionOrder.Updated, label: qsTr("Last change") },
                        { order: QuestionOrder.Priority, label: qsTr("Priority") },
                        { order: QuestionOrder.Created, label: qsTr("Date asked") },
                        { order: QuestionOrder.Status, label: qsTr("Status") }]
                CompactButton {
                    required property var modelData
                    objectName: "sort_" + modelData.order
                    text: modelData.label
                    flat: list.order !== modelData.order
                    highlighted: list.order === modelData.order
                    onClicked: list.order = modelData.order
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                text: listQuestions.matchCount === 1 ? qsTr("1 question") : qsTr("%1 questions").arg(listQuestions.matchCount)
                color: Theme.mutedText
            }
        }
        ListView {
            id: rows
            objectName: "listRows"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: listQuestions
            delegate: Rectangle {
                id: row
                required property int index
                required property string questionId
                required property string title
                required property string status
                required property string priority
                required property var tags
                required property int answerCount
                width: ListView.view.width
                height: 48
                radius: Theme.radius
                color: questionId === list.currentId ? Theme.selection : (rowMouse.containsMouse ? Theme.hover : "transparent")
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    acceptedButtons: Qt.LeftButton | Qt.RightButton
                    onClicked: mouse => {
                        list.currentId = row.questionId
                        list.forceActiveFocus()
                        if (mouse.button === Qt.RightButton)
                            list.page.openMenu(row.questionId, row, mouse.x, mouse.y)
                    }
                    onDoubleClicked: list.page.openQuestion(row.questionId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 12
                    PriorityMarker {
                        Layout.preferredWidth: 80
                        priority: row.priority
                        text: list.page.priorityText(row.priority)
                        color: list.page.priorityColor(row.priority)
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.title
                        color: Theme.text
                        elide: Text.ElideRight
                        font.pixelSize: 14
                    }
                    Repeater {
                        model: row.tags.slice(0, 3)
                        TagChip {
                            required property string modelData
                            tag: modelData
                            clickable: true
                            onClicked: list.page.tagFilter = modelData
                        }
                    }
                    Label {
                        Layout.preferredWidth: 100
                        text: list.page.statusText(row.status)
                        color: Theme.mutedText
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.preferredWidth: 80
                        horizontalAlignment: Text.AlignRight
                        text: row.answerCount === 1 ? qsTr("1 answer") : qsTr("%1 answers").arg(row.answerCount)
                        color: Theme.mutedText
                        font.pixelSize: 12
                    }
                }
            }
        }
    }
}
