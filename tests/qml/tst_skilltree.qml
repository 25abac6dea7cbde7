import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaSkillTree

// SkillTree's page as a person uses it: the seeded tree by branch (Baking
// under Cooking), a skill selected, an activity logged through the dialog
// by keys (Ctrl+L, Enter) reaching level 2 with a banner and an undo step,
// refusals in the dialog, an activity deleted and brought back, and the
// achievements view.
TestCase {
    id: testCase
    name: "SkillTree"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }
    SignalSpy {
        id: undoSpy
        signalName: "undoOffered"
    }

    function openSkillTree(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById("skilltree" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        const page = view.currentPage.ownPage
        undoSpy.clear()
        undoSpy.target = page
        return page
    }

    function test_1_treeByBranch() {
        const page = openSkillTree("")
        const practical = findChild(page, "branch_practical")
        verify(practical)
        tryCompare(practical.skills, "count", 2)
        // The child comes right under its parent, one step in.
        compare(practical.skills.skillIdAt(0), "seed-skilltree-cooking")
        compare(practical.skills.skillIdAt(1), "seed-skilltree-baking")
        compare(practical.skills.data(practical.skills.index(1, 0), Qt.UserRole + 11), 1) // depth
        compare(findChild(page, "branch_body").skills.count, 0)
        verify(findChild(page, "noSkillSelected").visible)
        waitForRendering(page)
        mouseClick(findChild(page, "skillNode_seed-skilltree-reading"))
        compare(page.selectedId, "seed-skilltree-reading")
        compare(findChild(page, "detailName").text, "Reading")
        compare(findChild(page, "detailLevel").text, "Level 1")
        compare(findChild(page, "detailProgress").text, "20 of 100 XP in this level · 80 XP to level 2")
        compare(page.detail.history.count, 1)
        // Ctrl+N's form starts in the selected skill's branch.
        compare(page.presets().branch, "intellect")
        // Up and Down walk the tree: Reading, then Practical's Cooking and Baking.
        keyClick(Qt.Key_Down)
        compare(page.selectedId, "seed-skilltree-cooking")
        keyClick(Qt.Key_Down)
        compare(page.selectedId, "seed-skilltree-baking")
        keyClick(Qt.Key_Down)
        compare(page.selectedId, "seed-skilltree-baking")
        keyClick(Qt.Key_Up)
        keyClick(Qt.Key_Up)
        compare(page.selectedId, "seed-skilltree-reading")
    }

    function test_2_logThroughTheDialogLevelsUp() {
        const page = openSkillTree("skill/seed-skilltree-reading")
        compare(page.controller.selected.totalXp, 20)
        verify(!findChild(page, "banner").visible)
        keyClick(Qt.Key_L, Qt.ControlModifier)
        tryVerify(() => page.logDialog.opened)
        // The time starts at now.
        compare(page.logDialog.dateField.text, Qt.formatDate(new Date(), "yyyy-MM-dd"))
        verify(page.logDialog.durationField.activeFocus)
        keyClick(Qt.Key_8)
        keyClick(Qt.Key_0)
        compare(findChild(page.logDialog.contentItem, "earnedText").text, "This earns 80 XP.")
        page.logDialog.descriptionField.text = "Finished a novel"
        keyClick(Qt.Key_Return)
        tryVerify(() => !page.logDialog.opened)
        // 20 + 80 = 100: level 2, no XP into it yet.
        compare(page.controller.selected.totalXp, 100)
        compare(page.controller.selected.level, 2)
        compare(findChild(page, "detailLevel").text, "Level 2")
        compare(findChild(page, "detailProgress").text, "0 of 400 XP in this level · 400 XP to level 3")
        const banner = findChild(page, "banner")
        verify(banner.visible)
        verify(findChild(page, "bannerText").text.indexOf("Level up! Reading reached level 2.") >= 0,
               findChild(page, "bannerText").text)
        verify(findChild(page, "bannerText").text.indexOf("Achievement unlocked: Level up") >= 0)
        // tools/screenshots.sh: the banner as it shows after a level-up.
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(page).save(screenshotDirectory + "/skilltree-level-up.png")
        }
        // The node's badge too.
        const intellect = findChild(page, "branch_intellect")
        compare(intellect.skills.data(intellect.skills.index(0, 0), Qt.UserRole + 5), 2)
        // One undo step for the activity and the skill.
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "80 XP logged for Reading")
        compare(page.detail.history.count, 2)
        compare(page.detail.history.data(page.detail.history.index(0, 0), Qt.UserRole + 2), "Finished a novel")
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.controller.selected, "totalXp", 20)
        compare(page.controller.selected.level, 1)
        tryCompare(page.detail.history, "count", 1)
    }

    function test_3_refusalsKeepTheDialogOpen() {
        const page = openSkillTree("log/seed-skilltree-cooking")
        tryVerify(() => page.logDialog.opened)
        keyClick(Qt.Key_Return)
        verify(page.logDialog.opened)
        compare(findChild(page.logDialog.contentItem, "logError").text,
                "Enter the XP you earned or how many minutes you practised.")
        page.logDialog.xpField.text = "lots"
        page.logDialog.confirm()
        compare(page.logDialog.errorText, "XP must be a whole number, such as 30.")
        page.logDialog.xpField.text = "20000"
        page.logDialog.confirm()
        compare(page.logDialog.errorText, "XP must be between 1 and 10000.")
        page.logDialog.xpField.text = "10"
        page.logDialog.dateField.text = "2999-01-01"
        page.logDialog.confirm()
        compare(page.logDialog.errorText, "The time lies in the future. Log what you already did.")
        keyClick(Qt.Key_Escape)
        tryVerify(() => !page.logDialog.opened)
        compare(page.controller.skill("seed-skilltree-cooking").totalXp, 45)
        compare(undoSpy.count, 0)
    }

    function test_4_deleteAnActivityWithUndo() {
        const page = openSkillTree("skill/seed-skilltree-cooking")
        tryCompare(page.detail.history, "count", 1)
        const activityId = page.detail.history.activityIdAt(0)
        page.detail.deleteRequested(activityId, "Tried a new pasta recipe")
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "Activity “Tried a new pasta recipe” deleted")
        tryCompare(page.detail.history, "count", 0)
        compare(page.controller.selected.totalXp, 0)
        tryVerify(() => findChild(page, "historyEmpty").visible)
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.detail.history, "count", 1)
        compare(page.controller.selected.totalXp, 45)
    }

    // The history's ✎ opens the dialog with the activity's fields; Save
    // writes them and the skill's XP as one undo step (its text in the
    // shell's Undo bar), a level-up shows its banner, Undo restores both.
    function test_4b_editAnActivityWithUndo() {
        const page = openSkillTree("skill/seed-skilltree-cooking")
        tryCompare(page.detail.history, "count", 1)
        compare(page.controller.selected.totalXp, 45)
        waitForRendering(page)
        const edit = findChild(page.detail, "editActivity")
        verify(edit)
        mouseClick(edit)
        const dialog = page.logDialog
        tryVerify(() => dialog.opened)
        verify(dialog.editing)
        verify(dialog.title.indexOf("Edit activity") === 0, dialog.title)
        compare(findChild(dialog.contentItem, "logButton").text, "Save")
        // 45 minutes that earned 45 XP: the XP follows the duration.
        compare(dialog.durationField.text, "45")
        compare(dialog.xpField.text, "")
        compare(dialog.descriptionField.text, "Tried a new pasta recipe")
        verify(dialog.durationField.activeFocus)
        // A bad value keeps the dialog open with its sentence.
        dialog.xpField.text = "lots"
        dialog.confirm()
        verify(dialog.opened)
        compare(dialog.errorText, "XP must be a whole number, such as 30.")
        compare(page.controller.selected.totalXp, 45)
        dialog.xpField.text = "120"
        dialog.descriptionField.text = "Cooked for six"
        keyClick(Qt.Key_Return)
        tryVerify(() => !dialog.opened)
        compare(page.controller.selected.totalXp, 120)
        compare(page.controller.selected.level, 2)
        verify(findChild(page, "bannerText").text.indexOf("Cooking reached level 2.") >= 0,
               findChild(page, "bannerText").text)
        tryCompare(page.detail.history, "count", 1)
        compare(page.detail.history.data(page.detail.history.index(0, 0), Qt.UserRole + 2), "Cooked for six")
        compare(page.detail.history.data(page.detail.history.index(0, 0), Qt.UserRole + 3), 120)
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "Activity of Cooking changed")
        // Logging afterwards is a log again, not an edit.
        page.logFor("seed-skilltree-cooking")
        tryVerify(() => dialog.opened)
        verify(!dialog.editing)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !dialog.opened)
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(page.controller.selected, "totalXp", 45)
        compare(page.controller.selected.level, 1)
        compare(page.detail.history.data(page.detail.history.index(0, 0), Qt.UserRole + 2), "Tried a new pasta recipe")
        // The place edit/<activity id> opens the same dialog.
        const other = openSkillTree("edit/seed-skilltree-reading-activity")
        tryVerify(() => other.logDialog.opened)
        verify(other.logDialog.editing)
        compare(other.selectedId, "seed-skilltree-reading")
        keyClick(Qt.Key_Escape)
    }

    function test_5_deleteASkillWithUndo() {
        const page = openSkillTree("skill/seed-skilltree-baking")
        compare(page.controller.selected.name, "Baking")
        mouseClick(findChild(page, "deleteSkillButton"))
        compare(undoSpy.count, 1)
        compare(undoSpy.signalArguments[0][1], "Skill “Baking” deleted")
        compare(page.selectedId, "")
        const practical = findChild(page, "branch_practical")
        tryCompare(practical.skills, "count", 1)
        compare(testShell.undo(undoSpy.signalArguments[0][0]), "")
        tryCompare(practical.skills, "count", 2)
    }

    function test_6_achievements() {
        const page = openSkillTree("achievements")
        compare(page.view, "achievements")
        tryVerify(() => page.achievements.unlockedCount >= 1)
        tryVerify(() => findChild(page, "achievement_first-activity") !== null)
        const first = findChild(page, "achievement_first-activity")
        verify(findChild(first, "achievementState").text.indexOf("Unlocked on") === 0)
        tryVerify(() => findChild(page, "achievement_activities-10") !== null)
        const habit = findChild(page, "achievement_activities-10")
        verify(findChild(habit, "achievementState").text.indexOf("Locked · ") === 0,
               findChild(habit, "achievementState").text)
        mouseClick(findChild(page, "treeTab"))
        compare(page.view, "tree")
    }

    function test_7_emptyTreeSaysWhatToDo() {
        const page = openSkillTree("")
        verify(!findChild(page, "treeEmpty").visible)
        for (const id of ["seed-skilltree-baking", "seed-skilltree-cooking", "seed-skilltree-reading"])
            verify(page.controller.deleteSkill(id) > 0)
        tryVerify(() => findChild(page, "treeEmpty").visible)
        verify(!findChild(page, "treeArea").visible)
        // Ctrl+L without a skill says what to do instead of opening the dialog.
        keyClick(Qt.Key_L, Qt.ControlModifier)
        verify(!page.logDialog.opened)
        compare(findChild(page, "bannerText").text, "Add a skill first: press Ctrl+N.")
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(page).save(screenshotDirectory + "/skilltree-empty.png")
        }
    }
}
