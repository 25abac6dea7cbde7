import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls

// The generic detail view: the chosen record's fields as a person reads
// them (dates in the locale's format, choices by label, links by the linked
// record's title, JSON as lines), with Edit and Delete.
Rectangle {
    id: pane

    property alias shell: detailForm.context
    property alias appId: detailForm.appId
    property alias collectionName: detailForm.collectionName
    property alias recordId: detailForm.recordId
    property color accentColor: Theme.accent

    signal editRequested(string recordId)
    signal deleteRequested(string recordId, string title)
    signal closeRequested

    color: Theme.surface

    RecordForm {
        id: detailForm
    }
    // An edit elsewhere (this window's form, or sync) shows at once.
    Connections {
        target: detailForm.context
        function onStoreChanged() { detailForm.revert() }
    }
    function refresh() { detailForm.revert() }

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: 1
        color: Theme.border
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "detailHeading"
                Layout.fillWidth: true
                text: detailForm.heading
                font.pixelSize: 18
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Close details")
                onClicked: pane.closeRequested()
            }
        }

        ScrollView {
            id: detailScroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            ColumnLayout {
                width: detailScroll.availableWidth
                spacing: 10
                Repeater {
                    model: detailForm.fields
                    ColumnLayout {
                        required property formField modelData
                        readonly property string shown: {
                            detailForm.values // re-read after every load
                            return detailForm.displayText(modelData.name)
                        }
                        Layout.fillWidth: true
                        visible: shown !== ""
                        spacing: 2
                        Label {
                            text: modelData.label
                            color: Theme.mutedText
                            font.pixelSize: 12
                        }
                        Label {
                            Layout.fillWidth: true
                            text: parent.shown
                            color: Theme.text
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Button {
                objectName: "editButton"
                text: qsTr("Edit")
                highlighted: true
                onClicked: pane.editRequested(detailForm.recordId)
            }
            Button {
                objectName: "deleteButton"
                text: qsTr("Delete")
                onClicked: pane.deleteRequested(detailForm.recordId, detailForm.heading)
            }
            Item { Layout.fillWidth: true }
        }
    }
}
