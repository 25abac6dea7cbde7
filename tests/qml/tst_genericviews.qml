import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore

// The generic views read the shell's typed values (issue 14): the form's
// fields (formField: the editor by FieldKind, an enum's choices, a
// reference's records, the manifest's range), the list's filters
// (filterOption with fieldChoice values) and sort options (sortOption).
TestCase {
    id: testCase
    name: "GenericViews"
    when: windowShown
    visible: true
    width: 1120
    height: 720

    function init() {
        failOnWarning(/Binding loop detected/)
    }

    Component {
        id: shellComponent
        Shell {
            width: 1120
            height: 720
            shell: testShell
            settings: testSettings
        }
    }

    function openPlace(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        verify(view)
        verify(view.openModuleById(place))
        tryVerify(() => view.currentPage !== null)
        return view
    }

    function test_formEditorsFollowTheTypedFields() {
        const view = openPlace("todo/new")
        const dialog = findChild(view.currentPage, "recordFormDialog")
        tryVerify(() => dialog.opened)
        const fields = dialog.form.fields
        compare(fields[0].name, "title")
        compare(fields[0].kind, FieldKind.Line)
        const part = name => findChild(dialog.contentItem, name)

        // An enum: a ComboBox over its fieldChoice list.
        const priority = part("input_priority")
        verify(priority)
        compare(priority.count, 4)
        compare(priority.currentText, "Medium")
        compare(priority.indexOfValue("urgent"), 3)
        priority.currentIndex = 3
        priority.activated(3)
        compare(dialog.form.values.priority, "urgent")

        // A reference: "None" and then the referenced records.
        const project = part("input_projectId")
        verify(project)
        compare(project.textAt(0), "None")
        compare(project.count, 1 + dialog.form.referenceChoices("projectId").length)

        // The manifest's range as the number field's hint.
        const estimate = part("input_estimatedDuration")
        verify(estimate)
        compare(estimate.placeholderText, "0–10080")
        dialog.close()
    }

    function test_listFiltersAndSortsByTypedOptions() {
        const view = openPlace("planta")
        const page = view.currentPage
        const health = findChild(page, "filter_healthStatus")
        verify(health)
        // "all" first, then every choice with the field's label.
        compare(health.count, 4)
        compare(health.textAt(0), "Health: all")
        compare(health.textAt(1), "Health: Healthy")
        const list = findChild(page, "recordList")
        tryVerify(() => list.count === 1)
        health.activated(2) // needs attention: the seed's plant is healthy
        tryCompare(list, "count", 0)
        health.activated(0)
        tryCompare(list, "count", 1)

        const active = findChild(page, "filter_isActive")
        verify(active)
        compare(active.textAt(1), "In your care: Yes")
        active.activated(2)
        tryCompare(list, "count", 0)
        active.activated(0)
        tryCompare(list, "count", 1)

        const sort = findChild(page, "sortBox")
        verify(sort)
        compare(sort.textAt(0), "Natural order")
        compare(sort.textAt(1), "Name")
        compare(sort.valueAt(1), "name")
        compare(sort.textAt(sort.count - 1), "Last changed")

        // Every box is as wide as its longest choice (German's
        // "Standardreihenfolge" was cut at a fixed width).
        for (const box of [health, active, sort]) {
            let widest = 0
            for (let i = 0; i < box.count; ++i) {
                metrics.font = box.font
                metrics.text = box.textAt(i)
                widest = Math.max(widest, metrics.advanceWidth)
            }
            verify(box.contentItem.width >= widest,
                   box.objectName + ": " + box.contentItem.width + " < " + widest)
        }
    }

    TextMetrics {
        id: metrics
    }
}
