import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls
import ManaSkillTree

// Every achievement of the table: unlocked ones in colour with the date,
// locked ones greyed with their condition and how far the tree is.
Item {
    id: view

    property alias model: grid.model
    property string language: "en"
    property color accentColor: "#4D7C0F"

    GridView {
        id: grid
        objectName: "achievementGrid"
        anchors.fill: parent
        clip: true
        cellWidth: Math.max(240, Math.floor(width / Math.max(1, Math.floor(width / 260))))
        cellHeight: 96
        ScrollBar.vertical: ScrollBar {}
        delegate: Item {
            id: cell
            required property string key
            required property string name
            required property string description
            required property string icon
            required property bool unlocked
            required property var unlockedAt
            required property int progress
            required property int target
            width: GridView.view.cellWidth
            height: GridView.view.cellHeight
            objectName: "achievement_" + key

            Rectangle {
                anchors.fill: parent
                anchors.margins: 5
                radius: 12
                color: Theme.surface
                border.color: cell.unlocked ? view.accentColor : Theme.border
                opacity: cell.unlocked ? 1 : 0.6
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: 12
                    spacing: 12
                    SkillGlyph {
                        icon: cell.icon
                        name: cell.name
                        tint: cell.unlocked ? view.accentColor : Theme.offline
                        size: 40
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            text: cell.name
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            text: cell.description
                            color: Theme.mutedText
                            font.pixelSize: 12
                            wrapMode: Text.Wrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "achievementState"
                            text: cell.unlocked
                                  ? qsTr("Unlocked on %1").arg(cell.unlockedAt.toLocaleDateString(Qt.locale(view.language === "de" ? "de_DE" : "en_GB"), Locale.ShortFormat))
                                  : qsTr("Locked · %1 / %2").arg(cell.progress).arg(cell.target)
                            color: cell.unlocked ? view.accentColor : Theme.mutedText
                            font.pixelSize: 11
                            font.bold: cell.unlocked
                        }
                    }
                }
            }
        }
    }
}
