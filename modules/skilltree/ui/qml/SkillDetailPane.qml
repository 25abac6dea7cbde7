import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls
import ManaSkillTree

// The selected skill: its level, total XP and progress to the next level,
// its description, and its activities newest first (date, XP, duration,
// description), each deletable with Undo.
Rectangle {
    id: pane

    property SkillTreeController controller
    property string language: "en"
    property color branchColor: "#64748b"
    property string branchTitle: ""
    readonly property var skill: controller.selected
    readonly property alias history: activities
    readonly property color tint: skill.color !== "" ? skill.color : branchColor
    signal logRequested()
    signal editRequested()
    signal deleteSkillRequested()
    signal deleteRequested(string activityId, string text)
    signal activityEditRequested(string activityId)

    color: Theme.surface
    border.color: Theme.border
    radius: 12

    function durationText(minutes) {
        if (minutes < 60)
            return qsTr("%1 min").arg(minutes)
        const hours = Math.floor(minutes / 60)
        const rest = minutes % 60
        return rest === 0 ? qsTr("%1 h").arg(hours) : qsTr("%1 h %2 min").arg(hours).arg(rest)
    }

    ActivityListModel {
        id: activities
        store: pane.controller ? pane.controller.store : null
        skillId: pane.skill.id
    }

    Label {
        objectName: "noSkillSelected"
        visible: pane.skill.id === ""
        anchors.centerIn: parent
        width: parent.width - 48
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        text: qsTr("Select a skill to see its level and the history of what you practised.")
    }

    ColumnLayout {
        visible: pane.skill.id !== ""
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            SkillGlyph {
                icon: pane.skill.icon
                name: pane.skill.name
                tint: pane.tint
                size: 44
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    objectName: "detailName"
                    text: pane.skill.name
                    font.pixelSize: 20
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                RowLayout {
                    spacing: 2
                    Label {
                        text: pane.branchTitle
                        color: Theme.mutedText
                        Layout.rightMargin: 6
                    }
                    ToolButton {
                        id: editSkillButton
                        objectName: "editSkillButton"
                        text: qsTr("Edit")
                        padding: 4
                        background: Rectangle {
                            radius: 4
                            color: editSkillButton.hovered ? Theme.hover : "transparent"
                        }
                        contentItem: Label {
                            text: editSkillButton.text
                            color: Theme.accent
                            font.pixelSize: 12
                        }
                        onClicked: pane.editRequested()
                    }
                    ToolButton {
                        id: deleteSkillButton
                        objectName: "deleteSkillButton"
                        text: qsTr("Delete")
                        padding: 4
                        background: Rectangle {
                            radius: 4
                            color: deleteSkillButton.hovered ? Theme.hover : "transparent"
                        }
                        contentItem: Label {
                            text: deleteSkillButton.text
                            color: Theme.accent
                            font.pixelSize: 12
                        }
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: qsTr("Delete the skill with its activities")
                        onClicked: pane.deleteSkillRequested()
                    }
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "detailLevel"
                text: qsTr("Level %1").arg(pane.skill.level)
                font.pixelSize: 16
                font.bold: true
                color: Theme.text
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "detailTotal"
                text: qsTr("%1 XP in total").arg(pane.skill.totalXp)
                color: Theme.mutedText
            }
        }
        Rectangle {
            Layout.fillWidth: true
            height: 10
            radius: 5
            color: Theme.border
            Rectangle {
                objectName: "detailProgressFill"
                width: parent.width * Math.max(0, Math.min(1, pane.skill.fraction))
                height: parent.height
                radius: 5
                color: pane.tint
            }
        }
        Label {
            objectName: "detailProgress"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: pane.skill.isMaxLevel
                  ? qsTr("Top level reached. Every activity still adds to the total.")
                  : qsTr("%1 of %2 XP in this level · %3 XP to level %4")
                        .arg(pane.skill.xpIntoLevel).arg(pane.skill.xpForLevel)
                        .arg(pane.skill.xpToNextLevel).arg(pane.skill.level + 1)
        }
        Label {
            visible: pane.skill.description !== ""
            text: pane.skill.description
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            maximumLineCount: 4
            elide: Text.ElideRight
        }
        Button {
            objectName: "logActivityButton"
            text: qsTr("Log activity (Ctrl+L)")
            highlighted: true
            onClicked: pane.logRequested()
        }
        Label {
            text: qsTr("History")
            font.bold: true
            color: Theme.text
            Layout.topMargin: 6
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                id: historyList
                objectName: "historyList"
                anchors.fill: parent
                clip: true
                model: activities
                spacing: 2
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string activityId
                    required property string description
                    required property int xpEarned
                    required property int duration
                    required property var timestamp
                    width: ListView.view.width
                    height: 48
                    radius: Theme.radius
                    color: rowMouse.containsMouse ? Theme.hover : "transparent"
                    // A click opens the activity in the dialog to change it.
                    MouseArea {
                        id: rowMouse
                        objectName: "activityRow"
                        anchors.fill: parent
                        hoverEnabled: true
                        cursorShape: Qt.PointingHandCursor
                        onClicked: pane.activityEditRequested(row.activityId)
                    }
                    ToolTip.visible: rowMouse.containsMouse
                    ToolTip.delay: 800
                    ToolTip.text: qsTr("Click to change XP, duration, description or time")
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 8
                        anchors.rightMargin: 4
                        spacing: 8
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 1
                            Label {
                                text: row.description !== "" ? row.description : qsTr("(no description)")
                                color: row.description !== "" ? Theme.text : Theme.mutedText
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                text: row.timestamp.toLocaleString(Qt.locale(pane.language === "de" ? "de_DE" : "en_GB"), Locale.ShortFormat)
                                      + (row.duration >= 0 ? " · " + pane.durationText(row.duration) : "")
                                color: Theme.mutedText
                                font.pixelSize: 11
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                        Label {
                            text: qsTr("+%1 XP").arg(row.xpEarned)
                            color: pane.tint
                            font.bold: true
                        }
                        ToolButton {
                            objectName: "editActivity"
                            implicitWidth: 28
                            opacity: rowMouse.containsMouse || hovered ? 1 : 0.45
                            background: Rectangle {
                                radius: 4
                                color: parent.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Label {
                                text: "✎"
                                color: Theme.mutedText
                                horizontalAlignment: Text.AlignHCenter
                                verticalAlignment: Text.AlignVCenter
                            }
                            Accessible.name: qsTr("Edit activity")
                            ToolTip.visible: hovered
                            ToolTip.delay: 500
                            ToolTip.text: qsTr("Edit activity")
                            onClicked: pane.activityEditRequested(row.activityId)
                        }
                        ToolButton {
                            objectName: "deleteActivity"
                            implicitWidth: 28
                            text: "✕"
                            opacity: rowMouse.containsMouse || hovered ? 1 : 0.45
                            background: Rectangle {
                                radius: 4
                                color: parent.hovered ? Theme.hover : "transparent"
                            }
                            contentItem: Label {
                                text: "✕"
                                color: Theme.mutedText
                                horizontalAlignment: Text.AlignHCenter
                                verticalAlignment: Text.AlignVCenter
                            }
                            Accessible.name: qsTr("Delete activity")
                            ToolTip.visible: hovered
                            ToolTip.delay: 500
                            ToolTip.text: qsTr("Delete activity")
                            onClicked: pane.deleteRequested(row.activityId, row.description)
                        }
                    }
                }
            }
            Label {
                objectName: "historyEmpty"
                visible: historyList.count === 0
                anchors.centerIn: parent
                width: parent.width - 24
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.mutedText
                text: qsTr("No activities yet. Press Ctrl+L to log what you practised.")
            }
        }
    }
}
