import QtQuick
import QtQuick.Controls
import QtTest
import ManaShell
import ManaShellCore
import ManaContacts
import ManaControls

// Contacts' page as a person uses it, over the seeded profile (the
// ManaCore Team as a favourite, Ada Lovelace with a birthday, Sam
// Example): the list with its sections, a card, the star, the search
// (Ctrl+F), the upcoming birthdays, an import through the preview dialog
// (a Google CSV fixture, then again with every duplicate skipped), a
// malformed file refused with its line, an export read back, Delete.
TestCase {
    id: testCase
    name: "Contacts"
    when: windowShown
    visible: true
    width: 1200
    height: 760

    Component {
        id: shellComponent
        Shell {
            width: 1200
            height: 760
            shell: testShell
            settings: testSettings
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    property var shellView: null

    function openContacts(place) {
        testSettings.lastModule = ""
        const view = createTemporaryObject(shellComponent, testCase)
        shellView = view
        verify(view)
        verify(view.openModuleById("contacts" + (place ? "/" + place : "")))
        tryVerify(() => view.currentPage !== null && view.currentPage.ownPage !== null)
        const page = view.currentPage.ownPage
        tryVerify(() => page.contacts.count > 0)
        return page
    }
    function names(page) {
        const list = []
        for (let i = 0; i < page.contacts.count; ++i)
            list.push(page.contacts.sectionAt(i) + ":" + page.contacts.idAt(i))
        return list
    }

    function test_1_sectionsAndCard() {
        const page = openContacts("")
        compare(page.contacts.count, 3)
        // The favourite first, in its own section; then by last name.
        compare(names(page), ["\u2605:seed-contacts-manacore-team", "E:seed-contacts-sam-example",
                              "L:seed-contacts-ada-lovelace"])
        compare(page.sectionTitle("\u2605"), "Favourites")
        page.select("seed-contacts-ada-lovelace")
        compare(page.list.currentIndex, 2)
        const name = findChild(page, "cardName")
        verify(name)
        compare(name.text, "Ada Lovelace")
        page.controller.today = new Date(2026, 11, 1)
        const birthday = findChild(page, "birthdayRow")
        tryVerify(() => birthday.text.indexOf("10 December 1815") === 0, 5000, birthday.text)
        verify(birthday.text.indexOf("turns 211 in 9 days") > 0, birthday.text)
        // Edit opens the page's own form on this contact.
        mouseClick(findChild(page, "editButton"))
        tryVerify(() => page.editDialog.opened)
        compare(findChild(page.editDialog.contentItem, "firstName").text, "Ada")
        page.editDialog.close()
        tryVerify(() => !page.editDialog.visible)
        // Sorted by first name: Ada before Sam.
        page.contacts.byLastName = false
        compare(names(page)[1], "A:seed-contacts-ada-lovelace")
        page.contacts.byLastName = true
    }

    function test_2_starMovesToFavourites() {
        const page = openContacts("")
        page.select("seed-contacts-sam-example")
        const star = findChild(page, "starButton")
        verify(star)
        compare(star.text, "\u2606")
        mouseClick(star)
        tryCompare(page.contacts, "count", 3)
        // Favourites by last name too: Example before Team.
        tryVerify(() => names(page)[0] === "\u2605:seed-contacts-sam-example", 5000, names(page).join())
        compare(star.text, "\u2605")
        // The selection follows its row.
        compare(page.list.currentIndex, 0)
        mouseClick(star)
        tryVerify(() => names(page)[1] === "E:seed-contacts-sam-example", 5000, names(page).join())
    }

    function test_3_searchEveryField() {
        const page = openContacts("")
        page.list.forceActiveFocus()
        keySequence("Ctrl+F")
        verify(page.searchField.activeFocus)
        keyClick("m")
        keyClick("u")
        keyClick("s")
        keyClick("t")
        // No field of the three holds "must".
        compare(page.contacts.count, 0)
        const empty = findChild(page, "listEmpty")
        verify(empty.visible)
        verify(empty.text.indexOf("No contact matches") === 0, empty.text)
        page.searchField.text = "sample street"
        compare(page.contacts.count, 1)
        compare(page.contacts.idAt(0), "seed-contacts-sam-example")
        page.searchField.text = "welcome"   // a tag
        compare(page.contacts.idAt(0), "seed-contacts-manacore-team")
        page.searchField.text = "1234567"   // a phone's digits
        compare(page.contacts.idAt(0), "seed-contacts-sam-example")
        keyClick(Qt.Key_Escape)
        compare(page.searchField.text, "")
        compare(page.contacts.count, 3)
    }

    function test_4_upcomingBirthdays() {
        const page = openContacts("birthdays")
        compare(page.view, "birthdays")
        page.controller.today = new Date(2026, 11, 1)
        const list = page.birthdays.list
        tryCompare(list, "count", 1)
        const entry = page.birthdays.entries[0]
        compare(entry.contactId, "seed-contacts-ada-lovelace")
        compare(entry.daysUntil, 9)
        compare(entry.turningAge, 211)
        // None in January: the empty state says what to do.
        page.controller.today = new Date(2027, 0, 1)
        page.birthdays.days = 30
        tryCompare(list, "count", 0)
        verify(findChild(page, "birthdaysEmpty").visible)
    }

    function test_5_importPreviewAndUndoStep() {
        const page = openContacts("")
        const undo = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "undoOffered" })
        const before = page.contacts.unfilteredCount
        page.openImportFile(Qt.resolvedUrl("../modules/contacts/fixtures/google-new.csv"))
        const importer = page.importer
        tryVerify(() => page.importDialog.opened)
        tryVerify(() => importer.ready)
        compare(importer.format, "google")
        verify(importer.isCsv)
        compare(importer.columns[0].header, "First Name")
        compare(importer.columns[0].target, 2) // ContactField::FirstName
        verify(importer.columns[0].samples.indexOf("Marta") === 0)
        const found = importer.contactCount
        verify(found >= 3, found)
        compare(importer.duplicates.length, 0)
        // Sending "First Name" nowhere changes what would be imported.
        importer.setColumnTarget(0, 0)
        compare(importer.columns[0].target, 0)
        tryVerify(() => importer.ready)
        importer.setColumnTarget(0, 2)
        tryVerify(() => importer.ready)
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(testCase).save(screenshotDirectory + "/contacts-import-csv.png")
        }
        const button = findChild(page.importDialog.contentItem, "importButton")
        verify(button && button.visible)
        mouseClick(button)
        tryCompare(undo, "count", 1)
        compare(undo.signalArguments[0][1], found + " imported, 0 merged, 0 skipped")
        tryCompare(page.contacts, "unfilteredCount", before + found)

        // The same file again: every contact is a duplicate; skip them all.
        page.openImportFile(Qt.resolvedUrl("../modules/contacts/fixtures/google-new.csv"))
        tryVerify(() => page.importDialog.opened)
        tryVerify(() => importer.ready)
        compare(importer.duplicates.length, found)
        compare(importer.duplicates[0].choice, ContactsImporter.Merge)
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(testCase).save(screenshotDirectory + "/contacts-import-duplicates.png")
            Theme.dark = true
            waitForRendering(page)
            grabImage(testCase).save(screenshotDirectory + "/contacts-import-duplicates-dark.png")
            Theme.dark = false
        }
        importer.setAllChoices(ContactsImporter.Skip)
        compare(importer.duplicates[found - 1].choice, ContactsImporter.Skip)
        verify(page.finishImport())
        page.importDialog.close()
        compare(undo.count, 2)
        compare(undo.signalArguments[1][1], "0 imported, 0 merged, " + found + " skipped")
        compare(page.contacts.unfilteredCount, before + found)
        // The first import taken back as one step.
        compare(testShell.undo(undo.signalArguments[0][0]), "")
        tryCompare(page.contacts, "unfilteredCount", before)
    }

    function test_6_malformedFileImportsNothing() {
        const page = openContacts("")
        const before = page.contacts.unfilteredCount
        verify(page.importer.openText("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n", "broken.vcf"))
        tryVerify(() => !page.importer.busy)
        verify(!page.importer.ready)
        page.importDialog.open()
        tryVerify(() => page.importDialog.opened)
        const error = findChild(page.importDialog.contentItem, "importError")
        verify(error.visible)
        compare(error.text, "The card that starts in line 1 has no END:VCARD. Nothing was imported.")
        verify(!findChild(page.importDialog.contentItem, "importButton").visible)
        verify(!page.finishImport())
        page.importDialog.close()
        compare(page.contacts.unfilteredCount, before)
    }

    // Cards enough that reading them takes many turns of the event loop.
    function manyCards(count) {
        const cards = []
        for (let i = 0; i < count; ++i)
            cards.push("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nachname" + i + ";Vorname" + i
                       + ";;;\r\nEMAIL:p" + i + "@example.org\r\nEND:VCARD\r\n")
        return cards.join("")
    }

    function test_6b_busyPreviewKeepsTheWindowAndCancels() {
        const page = openContacts("")
        const before = page.contacts.unfilteredCount
        page.importer.clear()
        page.importDialog.open()
        tryVerify(() => page.importDialog.opened)
        // A timer of the page's window: it fires only while the UI thread's
        // event loop turns.
        const timer = Qt.createQmlObject("import QtQuick; Timer { interval: 1; repeat: true; property int ticks: 0; onTriggered: ticks++ }", testCase)
        const cards = manyCards(10000)
        verify(page.importer.openText(cards, "many.vcf"))
        verify(page.importer.busy)
        const busy = findChild(page.importDialog.contentItem, "importBusy")
        verify(busy.visible)
        const cancel = findChild(page.importDialog.contentItem, "importCancel")
        compare(cancel.text, "Cancel")
        timer.running = true
        tryVerify(() => !page.importer.busy, 30000)
        verify(timer.ticks > 1, timer.ticks)
        verify(page.importer.ready)
        compare(page.importer.contactCount, 10000)
        if (screenshotDirectory !== "") {
            // Three times the cards: busy long enough for two frames.
            const more = manyCards(30000)
            for (const dark of [false, true]) {
                Theme.dark = dark
                verify(page.importer.openText(more, "many.vcf"))
                waitForRendering(page.importDialog.contentItem)
                if (page.importer.busy)
                    grabImage(testCase).save(screenshotDirectory + "/contacts-import-busy" + (dark ? "-dark" : "") + ".png")
                tryVerify(() => !page.importer.busy, 30000)
            }
            Theme.dark = false
        }

        // Again, and Cancel while it is read: nothing shows up later.
        verify(page.importer.openText(cards, "many.vcf"))
        verify(page.importer.busy)
        mouseClick(cancel)
        tryVerify(() => !page.importDialog.visible)
        verify(!page.importer.busy)
        wait(300)
        verify(!page.importer.ready)
        compare(page.importer.contactCount, 0)
        compare(page.contacts.unfilteredCount, before)
        timer.destroy()
    }

    function test_7_exportReadsBack() {
        const page = openContacts("")
        const file = "file://" + testShell.dataDirectory + "/contacts-export.vcf"
        verify(page.controller.exportTo(file, ContactsExportFormat.VCard4, []))
        verify(page.importer.open(file))
        tryVerify(() => page.importer.ready)
        compare(page.importer.format, "vcard")
        compare(page.importer.contactCount, page.contacts.unfilteredCount)
        // The selection alone, as Outlook's CSV.
        const csv = "file://" + testShell.dataDirectory + "/contacts-export.csv"
        verify(page.controller.exportTo(csv, ContactsExportFormat.OutlookCsv, ["seed-contacts-ada-lovelace"]))
        verify(page.importer.open(csv))
        tryVerify(() => page.importer.ready)
        compare(page.importer.format, "outlook")
        compare(page.importer.contactCount, 1)
        compare(page.importer.duplicates.length, 0) // Ada has no email or phone to match by
        page.importer.clear()
    }

    function test_8_deleteKey() {
        const page = openContacts("")
        const deletes = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "deleteRequested" })
        page.select("seed-contacts-sam-example")
        page.list.forceActiveFocus()
        keyClick(Qt.Key_Delete)
        compare(deletes.count, 1)
        compare(deletes.signalArguments[0][0], "seed-contacts-sam-example")
        compare(deletes.signalArguments[0][2], "contacts")
        tryCompare(page.contacts, "count", 2)
    }

    function test_9_emptyStateSaysWhatToDo() {
        const page = openContacts("")
        for (const id of ["seed-contacts-manacore-team", "seed-contacts-ada-lovelace"])
            compare(testShell.removeRecord("contacts", "contacts", id), "")
        tryCompare(page.contacts, "count", 0)
        const empty = findChild(page, "listEmpty")
        tryVerify(() => empty.visible)
        compare(empty.text, "No contacts yet. Press Ctrl+N to add one, or Ctrl+I to import a vCard or CSV file.")
        if (screenshotDirectory !== "") {
            waitForRendering(page)
            grabImage(testCase).save(screenshotDirectory + "/contacts-empty.png")
        }
    }

    function test_10_severalSelected() {
        const page = openContacts("")
        const list = page.list
        const undo = createTemporaryObject(spyComponent, testCase, { target: page, signalName: "undoOffered" })
        const bar = findChild(page, "selectionBar")
        tryVerify(() => list.itemAtIndex(2) !== null)
        compare(page.contacts.count, 3)
        const ids = [page.contacts.idAt(0), page.contacts.idAt(1), page.contacts.idAt(2)]
        verify(!bar.visible)
        // A click, then Ctrl+click: both selected, the bar says so.
        mouseClick(list.itemAtIndex(0))
        compare(page.contacts.selectedCount, 0)
        compare(page.selectedId, ids[0])
        mouseClick(list.itemAtIndex(2), 20, 20, Qt.LeftButton, Qt.ControlModifier)
        compare(page.contacts.selectedCount, 2)
        verify(bar.visible)
        compare(findChild(bar, "selectionCount").text, "2 selected")
        compare(page.contacts.selectedIds(), [ids[0], ids[2]])
        // Ctrl+click again takes one out; Shift+click selects from the
        // row clicked last (the anchor) to this one.
        mouseClick(list.itemAtIndex(0), 20, 20, Qt.LeftButton, Qt.ControlModifier)
        compare(page.contacts.selectedIds(), [ids[2]])
        mouseClick(list.itemAtIndex(2), 20, 20, Qt.LeftButton, Qt.ControlModifier)
        compare(page.contacts.selectedCount, 0)
        mouseClick(list.itemAtIndex(1), 20, 20, Qt.LeftButton, Qt.ShiftModifier)
        compare(page.contacts.selectedIds(), [ids[1], ids[2]])
        // Esc clears, Ctrl+A takes every shown row.
        keyClick(Qt.Key_Escape)
        compare(page.contacts.selectedCount, 0)
        verify(!bar.visible)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        compare(page.contacts.selectedCount, 3)
        compare(findChild(bar, "selectionCount").text, "3 selected")
        if (screenshotDirectory !== "") {
            for (const dark of [false, true]) {
                Theme.dark = dark
                waitForRendering(page)
                grabImage(testCase).save(screenshotDirectory + "/contacts-selection" + (dark ? "-dark" : "") + ".png")
            }
            Theme.dark = false
        }
        // A plain click ends it.
        mouseClick(list.itemAtIndex(1))
        compare(page.contacts.selectedCount, 0)
        // Shift+↓ and Shift+↑ from there: grows, then shrinks.
        keyClick(Qt.Key_Down, Qt.ShiftModifier)
        compare(page.contacts.selectedIds(), [ids[1], ids[2]])
        keyClick(Qt.Key_Up, Qt.ShiftModifier)
        keyClick(Qt.Key_Up, Qt.ShiftModifier)
        compare(page.contacts.selectedIds(), [ids[0], ids[1]])
        keyClick(Qt.Key_Escape)
        mouseClick(list.itemAtIndex(1))

        // Two starred in one step, taken back in one.
        mouseClick(list.itemAtIndex(2), 20, 20, Qt.LeftButton, Qt.ShiftModifier)
        const chosen = page.contacts.selectedIds()
        compare(chosen.length, 2)
        waitForRendering(bar) // the bar has just appeared: laid out first
        mouseClick(findChild(bar, "selectionFavorite"))
        compare(undo.count, 1)
        compare(undo.signalArguments[0][1], "2 contacts marked as favourites")
        tryVerify(() => chosen.every(id => page.controller.contact(id).favorite))
        compare(page.contacts.selectedCount, 2) // still selected, now among the favourites
        compare(testShell.undo(undo.signalArguments[0][0]), "")
        tryVerify(() => chosen.every(id => !page.controller.contact(id).favorite))

        // Export only the selected, read back.
        page.exportSelection()
        tryVerify(() => page.exportDialog.opened)
        verify(findChild(page.exportDialog.contentItem, "exportSelected").checked)
        compare(findChild(page.exportDialog.contentItem, "exportSelected").text, "Only the 2 selected")
        compare(page.exportDialog.exportIds().length, 2)
        page.exportDialog.close()
        const file = "file://" + testShell.dataDirectory + "/contacts-selected.vcf"
        verify(page.controller.exportTo(file, ContactsExportFormat.VCard4, page.exportDialog.exportIds()))
        verify(page.importer.open(file))
        tryVerify(() => page.importer.ready)
        compare(page.importer.contactCount, 2)
        page.importer.clear()

        // Delete: one undo step for both.
        list.forceActiveFocus()
        keyClick(Qt.Key_Delete)
        compare(undo.count, 2)
        compare(undo.signalArguments[1][1], "2 contacts deleted")
        tryCompare(page.contacts, "count", 1)
        compare(page.contacts.selectedCount, 0)
        verify(!bar.visible)
        compare(testShell.undo(undo.signalArguments[1][0]), "")
        tryCompare(page.contacts, "count", 3)
    }

    function typeText(text) {
        for (const c of text)
            keyClick(c)
    }

    function test_11_formEditsRows() {
        const page = openContacts("")
        const id = "seed-contacts-sam-example"
        page.select(id)
        const before = page.controller.contact(id)
        compare(before.emails.length, 1)
        compare(before.phones.length, 1)
        page.editContact(id)
        const dialog = page.editDialog
        tryVerify(() => dialog.opened)
        const form = dialog.contentItem
        compare(findChild(form, "firstName").text, "Sam")
        // Another email, as Work.
        mouseClick(findChild(form, "add0"))
        compare(page.editDialog.editor.emails.length, 2)
        tryVerify(() => findChild(form, "value0_1") !== null)
        const email = findChild(form, "value0_1")
        email.forceActiveFocus()
        typeText("sam@work.example")
        const kind = findChild(form, "kind0_1")
        kind.forceActiveFocus()
        keyClick(Qt.Key_Down) // home → work
        compare(kind.currentText, "Work")
        // The phone removed; a tag added with Enter, the old one removed.
        mouseClick(findChild(form, "remove1_0"))
        compare(page.editDialog.editor.phones.length, 0)
        findChild(form, "tagField").forceActiveFocus()
        typeText("Verein")
        keyClick(Qt.Key_Return)
        tryVerify(() => findChild(form, "tag_Verein") !== null)
        const oldTag = findChild(form, "tag_Example")
        verify(oldTag)
        // Below the scrolled part of the form: its × pressed directly.
        oldTag.children[1].clicked()
        tryVerify(() => page.editDialog.editor.tags.indexOf("Example") < 0)
        if (screenshotDirectory !== "") {
            for (const dark of [false, true]) {
                Theme.dark = dark
                waitForRendering(form)
                grabImage(testCase).save(screenshotDirectory + "/contacts-form" + (dark ? "-dark" : "") + ".png")
            }
            Theme.dark = false
        }
        mouseClick(findChild(form, "saveContact"))
        tryVerify(() => !dialog.visible)
        tryVerify(() => page.controller.contact(id).emails.length === 2)
        const after = page.controller.contact(id)
        compare(after.emails[1].value, "sam@work.example")
        compare(after.emails[1].kind, "work")
        compare(after.phones.length, 0)
        compare(after.tags, ["Verein"])

        // A birthday that is no date: the sentence, the dialog stays, nothing written.
        page.editContact(id)
        tryVerify(() => dialog.opened)
        findChild(form, "birthday").forceActiveFocus()
        typeText("14 July")
        mouseClick(findChild(form, "saveContact"))
        const error = findChild(form, "editError")
        tryVerify(() => error.visible)
        compare(error.text, "\u201c14 July\u201d is not a date. Write the birthday as 1985-04-12, or --04-12 without a year.")
        verify(dialog.visible)
        dialog.close()
        tryVerify(() => !dialog.visible)
        compare(page.controller.contact(id).birthday, "")

        // Ctrl+N's way: a new contact.
        page.createNew()
        tryVerify(() => dialog.opened)
        compare(dialog.title, "New contact")
        findChild(form, "firstName").forceActiveFocus()
        typeText("Jana")
        keyClick(Qt.Key_Return, Qt.ControlModifier) // saves
        tryVerify(() => !dialog.visible)
        tryCompare(page.contacts, "count", 4)
        compare(page.controller.contact(page.selectedId).name, "Jana")

        // The profile as the other tests expect it (they run in name order).
        compare(testShell.removeRecord("contacts", "contacts", page.selectedId), "")
        const editor = dialog.editor
        verify(editor.load(id))
        editor.removeRow(ContactEditor.Emails, 1)
        editor.addRow(ContactEditor.Phones)
        editor.setRowKind(ContactEditor.Phones, 0, before.phones[0].kind)
        editor.setRowValue(ContactEditor.Phones, 0, before.phones[0].value)
        editor.removeTag(0)
        for (const tag of before.tags)
            editor.addTag(tag)
        verify(editor.save())
        tryCompare(page.contacts, "count", 3)
        compare(JSON.stringify(page.controller.contact(id)), JSON.stringify(before))
    }
}
