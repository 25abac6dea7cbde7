import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What the local store holds, or the sentence that says why it did not open.
Rectangle {
    id: card

    required property string profileName
    required property string storePath
    required property string storeError
    required property var modules
    required property int collectionCount
    required property int pendingCount

    readonly property bool healthy: storeError.length === 0

    implicitHeight: content.implicitHeight + 40
    radius: 10
    color: palette.base
    border.color: healthy ? palette.mid : "#d64545"
    border.width: 1

    ColumnLayout {
        id: content

        anchors.fill: parent
        anchors.margins: 20
        spacing: 10

        RowLayout {
            spacing: 10

            Rectangle {
                width: 12
                height: 12
                radius: 6
                color: card.healthy ? "#2e9d5b" : "#d64545"
            }

            Label {
                font.pixelSize: 18
                font.bold: true
                text: card.healthy ? qsTr("Local store open") : qsTr("The local store could not be opened")
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            text: qsTr("Profile: %1").arg(card.profileName)
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.WrapAnywhere
            color: palette.placeholderText
            text: card.storePath
        }

        Label {
            Layout.fillWidth: true
            visible: !card.healthy
            wrapMode: Text.WordWrap
            color: "#d64545"
            text: card.storeError
        }

        Label {
            Layout.fillWidth: true
            visible: card.modules.length > 0
            wrapMode: Text.WordWrap
            text: qsTr("%n collection(s)", "", card.collectionCount) + " · "
                  + qsTr("%n change(s) waiting to sync", "", card.pendingCount)
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8

            Repeater {
                model: card.modules

                delegate: Rectangle {
                    required property var modelData

                    width: moduleLabel.implicitWidth + 20
                    height: moduleLabel.implicitHeight + 10
                    radius: height / 2
                    color: "transparent"
                    border.color: palette.mid

                    Label {
                        id: moduleLabel

                        anchors.centerIn: parent
                        text: qsTr("%1 · %n collection(s)", "", parent.modelData.collections)
                              .arg(parent.modelData.name)
                    }
                }
            }
        }
    }
}
