import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls
import ManaSkillTree

// One branch of the tree: its name and colour on top, its skills beneath as
// nodes (icon, name, level badge, progress to the next level), children
// indented under their parent and joined to it by a line.
Rectangle {
    id: card

    property alias store: skills.store
    property alias branch: skills.branch
    property string title: ""
    property color branchColor: "#64748b"
    property string selectedId: ""
    readonly property alias skills: skills
    signal skillSelected(string skillId)
    signal skillActivated(string skillId)

    readonly property int indent: 22

    implicitHeight: column.implicitHeight + 24
    radius: 12
    color: Theme.surface
    border.color: Theme.border

    SkillBranchModel {
        id: skills
    }

    Rectangle {
        // The branch's colour as a band along the top.
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: 4
        radius: 2
        color: card.branchColor
    }

    ColumnLayout {
        id: column
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12; topMargin: 14 }
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.bottomMargin: 6
            Label {
                text: card.title
                font.pixelSize: 15
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
                elide: Text.ElideRight
            }
            Label {
                text: skills.count
                visible: skills.count > 0
                color: Theme.mutedText
            }
        }
        Label {
            visible: skills.count === 0
            text: qsTr("No skills in this branch yet.")
            color: Theme.mutedText
            font.pixelSize: 12
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: skills
            delegate: Item {
                id: node
                required property int index
                required property string skillId
                required property string name
                required property string icon
                required property string skillColor
                required property int level
                required property int xpIntoLevel
                required property int xpForLevel
                required property int totalXp
                required property double fraction
                required property bool isMaxLevel
                required property int depth
                readonly property color tint: skillColor !== "" ? skillColor : card.branchColor
                readonly property bool isSelected: card.selectedId === skillId

                objectName: "skillNode_" + skillId
                Layout.fillWidth: true
                implicitHeight: 56

                // The line from the parent down to this child.
                Rectangle {
                    visible: node.depth > 0
                    x: (node.depth - 1) * card.indent + 15
                    y: -4
                    width: 2
                    height: parent.height / 2 + 4
                    color: Theme.border
                }
                Rectangle {
                    visible: node.depth > 0
                    x: (node.depth - 1) * card.indent + 15
                    y: parent.height / 2 - 1
                    width: card.indent - 9
                    height: 2
                    color: Theme.border
                }
                Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: node.depth * card.indent
                    anchors.topMargin: 2
                    anchors.bottomMargin: 2
                    radius: Theme.radius
                    color: node.isSelected ? Theme.selection : (nodeMouse.containsMouse ? Theme.hover : "transparent")
                    border.color: node.isSelected ? node.tint : "transparent"

                    MouseArea {
                        id: nodeMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        onClicked: card.skillSelected(node.skillId)
                        onDoubleClicked: card.skillActivated(node.skillId)
                    }
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 6
                        anchors.rightMargin: 8
                        spacing: 8
                        SkillGlyph {
                            icon: node.icon
                            name: node.name
                            tint: node.tint
                            size: 30
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 3
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Label {
                                    text: node.name
                                    color: Theme.text
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                                Label {
                                    objectName: "levelBadge"
                                    text: qsTr("Lv %1").arg(node.level)
                                    color: "#ffffff"
                                    font.pixelSize: 11
                                    font.bold: true
                                    leftPadding: 6
                                    rightPadding: 6
                                    topPadding: 1
                                    bottomPadding: 1
                                    background: Rectangle { radius: 8; color: node.tint }
                                }
                            }
                            Rectangle {
                                Layout.fillWidth: true
                                height: 5
                                radius: 3
                                color: Theme.border
                                Rectangle {
                                    width: parent.width * Math.max(0, Math.min(1, node.fraction))
                                    height: parent.height
                                    radius: 3
                                    color: node.tint
                                }
                            }
                            Label {
                                text: node.isMaxLevel ? qsTr("%1 XP · top level").arg(node.totalXp)
                                                      : qsTr("%1 / %2 XP").arg(node.xpIntoLevel).arg(node.xpForLevel)
                                color: Theme.mutedText
                                font.pixelSize: 11
                            }
                        }
                    }
                }
            }
        }
    }
}
