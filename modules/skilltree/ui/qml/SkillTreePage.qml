import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaShellCore
import ManaControls
import ManaSkillTree

// SkillTree's page (docs/skilltree.md): the tree by branch, the selected
// skill's level, progress and history, the "Log activity" dialog (Ctrl+L,
// Enter logs, Esc cancels), a banner for a level-up or an unlocked
// achievement (and a desktop notification where the app offers one), and
// the achievements.
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#4D7C0F"
    property string language: "en"
    property string selectedId: ""
    readonly property string primaryCollection: "skills"
    property string view: "tree" // "tree" or "achievements"
    property var bannerLines: []
    readonly property alias controller: controller
    readonly property alias logDialog: logDialog
    readonly property alias achievements: achievementModel
    readonly property alias detail: detailPane
    // Green of the module's colour, lighter where the window is dark.
    readonly property color accentTextColor: Theme.dark ? "#a3e635" : "#4D7C0F"

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    signal undoOffered(int stepId, string text)

    readonly property var branches: [
        { key: "intellect", title: qsTr("Intellect"), color: "#2563EB" },
        { key: "body", title: qsTr("Body"), color: "#DC2626" },
        { key: "creativity", title: qsTr("Creativity"), color: "#9333EA" },
        { key: "social", title: qsTr("Social"), color: "#DB2777" },
        { key: "practical", title: qsTr("Practical"), color: "#EA580C" },
        { key: "mindset", title: qsTr("Mindset"), color: "#0D9488" },
        { key: "custom", title: qsTr("Other"), color: "#64748B" }
    ]
    function branchOf(key) {
        for (let i = 0; i < branches.length; ++i) {
            if (branches[i].key === key)
                return branches[i]
        }
        return branches[branches.length - 1]
    }

    // A new skill starts in the selected skill's branch.
    function presets() {
        return controller.selected.id !== "" ? { "branch": controller.selected.branch } : {}
    }
    function selectSkill(id) {
        selectedId = id
        view = "tree"
    }
    function logFor(id) {
        if (controller.skillCount === 0) {
            showBanner([qsTr("Add a skill first: press Ctrl+N.")])
            return
        }
        if (id === "" || controller.skill(id).id === "") {
            showBanner([qsTr("Select a skill first, then press Ctrl+L to log an activity for it.")])
            return
        }
        selectSkill(id)
        logDialog.openFor(id)
    }
    // "tree", "achievements", "skill/<id>", "log/<id>", "edit/<activity id>",
    // "record/skills/<id>",
    // "record/activities/<id>", "record/achievements/<id>".
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "achievements" || (parts[0] === "record" && parts[1] === "achievements")) {
            view = "achievements"
        } else if (parts[0] === "skill" && parts[1]) {
            selectSkill(parts[1])
        } else if (parts[0] === "log" && parts[1]) {
            logFor(parts[1])
        } else if (parts[0] === "edit" && parts[1]) {
            selectSkill(controller.skillOfActivity(parts[1]))
            logDialog.openForEdit(parts[1])
        } else if (parts[0] === "record" && parts[1] === "skills" && parts[2]) {
            selectSkill(parts[2])
        } else if (parts[0] === "record" && parts[1] === "activities" && parts[2]) {
            selectSkill(controller.skillOfActivity(parts[2]))
        } else {
            view = "tree"
        }
    }
    // Every skill in the order the tree shows them: branch by branch, each
    // branch's rows top to bottom.
    function skillsInOrder() {
        const ids = []
        for (let i = 0; i < branchRepeater.count; ++i) {
            const card = branchRepeater.itemAt(i)
            for (let row = 0; card && row < card.skills.count; ++row)
                ids.push(card.skills.skillIdAt(row))
        }
        return ids
    }
    // Up/Down (step -1/+1) through the tree; from nothing, the first skill.
    function moveSelection(step) {
        const ids = skillsInOrder()
        if (ids.length === 0)
            return
        const at = ids.indexOf(selectedId)
        const next = at < 0 ? 0 : Math.max(0, Math.min(ids.length - 1, at + step))
        selectSkill(ids[next])
    }
    function showBanner(lines) {
        bannerLines = bannerLines.concat(lines)
        bannerTimer.restart()
    }

    SkillTreeController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
        language: page.language
        selectedSkillId: page.selectedId
        onLogged: (undoStep, skillId, xpEarned) => page.undoOffered(undoStep,
            qsTr("%1 XP logged for %2").arg(xpEarned).arg(controller.skillName(skillId)))
        onEdited: (undoStep, skillId, activityId) => page.undoOffered(undoStep,
            qsTr("Activity of %1 changed").arg(controller.skillName(skillId)))
        onLeveledUp: (skillId, skillName, level) => {
            const text = qsTr("%1 reached level %2.").arg(skillName).arg(level)
            page.showBanner([qsTr("Level up!") + " " + text])
            controller.notifyDesktop(qsTr("Level up!"), text)
        }
        onAchievementUnlocked: key => {
            const name = achievementModel.nameOf(key)
            page.showBanner([qsTr("Achievement unlocked: %1").arg(name)])
            controller.notifyDesktop(qsTr("Achievement unlocked"), name)
        }
    }
    AchievementListModel {
        id: achievementModel
        store: page.shell ? page.shell.storeObject : null
        language: page.language
    }
    LogActivityDialog {
        id: logDialog
        controller: controller
        parent: Overlay.overlay
    }
    Shortcut {
        sequence: "Ctrl+L"
        enabled: page.visible && !logDialog.opened
        onActivated: page.logFor(page.selectedId)
    }
    Timer {
        id: bannerTimer
        interval: 6000
        onTriggered: page.bannerLines = []
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Button {
                objectName: "treeTab"
                text: qsTr("Tree")
                flat: page.view !== "tree"
                highlighted: page.view === "tree"
                onClicked: page.view = "tree"
            }
            Button {
                objectName: "achievementsTab"
                text: qsTr("Achievements %1/%2").arg(achievementModel.unlockedCount).arg(achievementModel.count)
                flat: page.view !== "achievements"
                highlighted: page.view === "achievements"
                onClicked: page.view = "achievements"
            }
            Item { Layout.fillWidth: true }
        }

        // A level-up or an unlocked achievement.
        Rectangle {
            objectName: "banner"
            visible: page.bannerLines.length > 0
            Layout.fillWidth: true
            implicitHeight: bannerText.implicitHeight + 20
            radius: Theme.radius
            color: Theme.dark ? "#243314" : "#ecfccb"
            border.color: page.accentTextColor
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 4
                Label {
                    id: bannerText
                    objectName: "bannerText"
                    Layout.fillWidth: true
                    text: page.bannerLines.join("\n")
                    wrapMode: Text.Wrap
                    font.bold: true
                    color: Theme.dark ? "#d9f99d" : "#365314"
                }
                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Dismiss")
                    onClicked: page.bannerLines = []
                }
            }
        }

        RowLayout {
            visible: page.view === "tree" && controller.skillCount > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            Flickable {
                id: treeArea
                objectName: "treeArea"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentHeight: branchFlow.implicitHeight
                ScrollBar.vertical: ScrollBar {}
                focus: true
                Keys.onUpPressed: page.moveSelection(-1)
                Keys.onDownPressed: page.moveSelection(1)
                Keys.onReturnPressed: page.logFor(page.selectedId)
                Keys.onEnterPressed: page.logFor(page.selectedId)
                Flow {
                    id: branchFlow
                    width: treeArea.width
                    spacing: 12
                    readonly property int columns: Math.max(1, Math.floor((width + spacing) / (210 + spacing)))
                    Repeater {
                        id: branchRepeater
                        model: page.branches
                        delegate: BranchCard {
                            required property var modelData
                            objectName: "branch_" + modelData.key
                            width: Math.floor((branchFlow.width - 2 - (branchFlow.columns - 1) * branchFlow.spacing) / branchFlow.columns)
                            height: implicitHeight
                            store: page.shell ? page.shell.storeObject : null
                            branch: modelData.key
                            title: modelData.title
                            branchColor: modelData.color
                            selectedId: page.selectedId
                            onSkillSelected: id => {
                                page.selectSkill(id)
                                treeArea.forceActiveFocus()
                            }
                            onSkillActivated: id => page.logFor(id)
                        }
                    }
                }
            }
            SkillDetailPane {
                id: detailPane
                objectName: "detailPane"
                Layout.preferredWidth: Math.min(360, page.width * 0.42)
                Layout.fillHeight: true
                controller: controller
                language: page.language
                branchColor: page.branchOf(controller.selected.branch).color
                branchTitle: page.branchOf(controller.selected.branch).title
                onLogRequested: page.logFor(page.selectedId)
                onEditRequested: page.editRequested(page.selectedId)
                onDeleteSkillRequested: {
                    const name = controller.selected.name
                    const step = controller.deleteSkill(page.selectedId)
                    if (step > 0) {
                        page.selectedId = ""
                        page.undoOffered(step, qsTr("Skill “%1” deleted").arg(name))
                    }
                }
                onActivityEditRequested: activityId => logDialog.openForEdit(activityId)
                onDeleteRequested: (activityId, text) => {
                    const step = controller.deleteActivity(activityId)
                    if (step > 0)
                        page.undoOffered(step, text !== "" ? qsTr("Activity “%1” deleted").arg(text)
                                                           : qsTr("Activity deleted"))
                }
            }
        }

        // Keeps the header on top while the tree is empty.
        Item {
            visible: page.view === "tree" && controller.skillCount === 0
            Layout.fillHeight: true
        }

        AchievementsView {
            visible: page.view === "achievements"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: achievementModel
            language: page.language
            accentColor: page.accentTextColor
        }
    }

    Label {
        objectName: "treeEmpty"
        visible: page.view === "tree" && controller.skillCount === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 460)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        text: qsTr("No skills yet. Press Ctrl+N to add your first skill, then select it and press Ctrl+L to log what you practised.")
    }
}
