import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import ManaShellCore
import ManaCards
import ManaControls

// ManaDeck's page (docs/cards.md): the decks with what is due today (new /
// learning / review), a study session (Space flips, 1–4 answer, each
// button showing the interval it gives, Esc ends), its summary, a deck's
// cards and the card editor (Markdown with a preview).
Item {
    id: page

    property ShellContext shell
    property color accentColor: "#EC4899"
    property string language: "en"
    property string selectedId: ""
    readonly property string primaryCollection: view === CardsView.Cards ? "cards" : "decks"
    property int view: CardsView.Decks
    property string deckId: ""
    readonly property alias controller: controller
    readonly property alias decks: decks
    readonly property alias cards: cardModel
    readonly property alias editor: editor

    signal deleteRequested(string recordId, string title, string collectionName)
    signal editRequested(string recordId)
    signal undoOffered(int stepId, string text)
    property string notice: ""

    function presets() {
        return view === CardsView.Cards ? { "deckId": deckId } : {}
    }
    function createNew() {
        if (view === CardsView.Cards)
            editor.openCard("", deckId, "", "")
        else
            deckDialog.openNew()
    }
    function showDecks() {
        controller.endStudy()
        decks.refreshCounts()
        view = CardsView.Decks
        deckList.forceActiveFocus()
    }
    function study(id) {
        deckId = id
        controller.startStudy(id)
        view = controller.hasCard ? CardsView.Study : CardsView.Summary
        studyView.forceActiveFocus()
    }
    function showCards(id) {
        deckId = id
        view = CardsView.Cards
        cardList.forceActiveFocus()
    }
    // "decks", "study/<deckId>", "cards/<deckId>", "record/decks/<id>",
    // "record/cards/<id>".
    function openPlace(place) {
        const parts = place.split("/")
        if (parts[0] === "study" && parts[1])
            study(parts[1])
        else if (parts[0] === "cards" && parts[1])
            showCards(parts[1])
        else if (parts[0] === "record" && parts[1] === "decks" && parts[2])
            showCards(parts[2])
        else
            showDecks()
    }
    // "1 d", "10 min", "1.5 mo", "2.1 y" as Anki's buttons show them.
    function intervalText(days) {
        if (days <= 0)
            return qsTr("%1 min").arg(10)
        if (days < 30)
            return qsTr("%1 d").arg(days)
        const locale = Qt.locale(language === "de" ? "de_DE" : "en_GB")
        if (days < 365)
            return qsTr("%1 mo").arg(Number(days / 30).toLocaleString(locale, "f", 1))
        return qsTr("%1 y").arg(Number(days / 365).toLocaleString(locale, "f", 1))
    }
    function durationText(seconds) {
        const m = Math.floor(seconds / 60)
        const s = seconds % 60
        return m + ":" + (s < 10 ? "0" : "") + s
    }

    CardsController {
        id: controller
        store: page.shell ? page.shell.storeObject : null
    }
    DeckListModel {
        id: decks
        store: page.shell ? page.shell.storeObject : null
    }
    CardListModel {
        id: cardModel
        store: page.shell ? page.shell.storeObject : null
        deckId: page.view === CardsView.Cards ? page.deckId : ""
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import cards")
        nameFilters: [qsTr("Text files (*.txt *.tsv *.csv)"), qsTr("All files (*)")]
        onAccepted: {
            const count = controller.importFile(selectedFile, page.deckId, page.language)
            if (count < 0) {
                page.notice = controller.importError
            } else {
                page.notice = ""
                page.undoOffered(controller.undoStep, count === 1 ? qsTr("1 card imported") : qsTr("%1 cards imported").arg(count))
            }
        }
    }
    FileDialog {
        id: exportDialog
        title: qsTr("Export cards")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "txt"
        nameFilters: [qsTr("Text files (*.txt *.tsv *.csv)")]
        onAccepted: page.notice = controller.exportFile(selectedFile, page.deckId, page.language)
                    ? "" : controller.importError
    }
    CardEditorDialog {
        id: editor
        controller: controller
        parent: Overlay.overlay
    }
    NameColorDialog {
        id: deckDialog
        newTitle: qsTr("New deck")
        parent: Overlay.overlay
        onAccepted: {
            const id = controller.createDeck(name, color)
            if (id !== "")
                decks.refreshCounts()
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.window
    }

    // The decks.
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12
        visible: page.view === CardsView.Decks

        RowLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                text: qsTr("Decks")
                font.pixelSize: 22
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            Label { text: qsTr("New"); color: "#3d5bd9"; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight; visible: decks.count > 0 }
            Label { text: qsTr("Learning"); color: "#d64545"; Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; visible: decks.count > 0 }
            Label { text: qsTr("Due"); color: "#2e9d5b"; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight; visible: decks.count > 0 }
            Item { Layout.preferredWidth: 16 + 96 + 84 + 8; visible: decks.count > 0 }
        }
        ListView {
            id: deckList
            objectName: "deckList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: decks
            focus: page.view === CardsView.Decks
            keyNavigationEnabled: true
            Keys.onReturnPressed: if (currentIndex >= 0) page.study(decks.deckIdAt(currentIndex))
            delegate: Rectangle {
                id: deckRow
                required property int index
                required property string deckId
                required property string name
                required property string deckColor
                required property int newCount
                required property int learningCount
                required property int reviewCount
                required property int cardCount
                width: ListView.view.width
                height: 56
                radius: Theme.radius
                color: ListView.isCurrentItem ? Theme.selection : (rowMouse.containsMouse ? Theme.hover : "transparent")
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: deckList.currentIndex = deckRow.index
                    onDoubleClicked: page.study(deckRow.deckId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 12
                    anchors.rightMargin: 8
                    spacing: 0
                    Rectangle { width: 10; height: 10; radius: 5; color: deckRow.deckColor || page.accentColor }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.leftMargin: 12
                        spacing: 2
                        Label { text: deckRow.name; color: Theme.text; font.pixelSize: 15; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: deckRow.cardCount === 1 ? qsTr("1 card") : qsTr("%1 cards").arg(deckRow.cardCount); color: Theme.mutedText; font.pixelSize: 12 }
                    }
                    Label { text: deckRow.newCount; color: deckRow.newCount ? "#3d5bd9" : Theme.mutedText; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight; font.pixelSize: 15 }
                    Label { text: deckRow.learningCount; color: deckRow.learningCount ? "#d64545" : Theme.mutedText; Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; font.pixelSize: 15 }
                    Label { text: deckRow.reviewCount; color: deckRow.reviewCount ? "#2e9d5b" : Theme.mutedText; Layout.preferredWidth: 70; horizontalAlignment: Text.AlignRight; font.pixelSize: 15 }
                    Item { Layout.preferredWidth: 16 }
                    Button {
                        objectName: "studyButton"
                        Layout.preferredWidth: 96
                        text: qsTr("Study")
                        highlighted: true
                        onClicked: page.study(deckRow.deckId)
                    }
                    Button {
                        Layout.preferredWidth: 84
                        text: qsTr("Cards")
                        flat: true
                        onClicked: page.showCards(deckRow.deckId)
                    }
                }
            }
        }
        // The review log of every deck (reviewlog.h), below the decks.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: reviewChart.implicitHeight + 24
            visible: decks.count > 0
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            ReviewChart {
                id: reviewChart
                objectName: "reviewChart"
                anchors.fill: parent
                anchors.margins: 12
                days: controller.reviewDays
                total: controller.reviewsInPeriod
                accentColor: page.accentColor
            }
        }
    }
    Label {
        objectName: "decksEmpty"
        visible: page.view === CardsView.Decks && decks.count === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 460)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        text: qsTr("No decks yet. Press Ctrl+N to create your first deck, then add cards with a question on the front and the answer on the back.")
    }

    // The study view.
    FocusScope {
        id: studyView
        objectName: "studyView"
        anchors.fill: parent
        visible: page.view === CardsView.Study
        focus: page.view === CardsView.Study

        Keys.onPressed: event => {
            if (event.key === Qt.Key_Space || event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                if (!controller.flipped)
                    controller.flip()
                else
                    page.answerWith(3)
                event.accepted = true
            } else if (event.key >= Qt.Key_1 && event.key <= Qt.Key_4) {
                page.answerWith(event.key - Qt.Key_0)
                event.accepted = true
            } else if (event.key === Qt.Key_Escape) {
                page.view = CardsView.Summary
                event.accepted = true
            }
        }

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 24
            spacing: 16
            RowLayout {
                Layout.fillWidth: true
                Label {
                    text: controller.deckId ? controller.deckName(controller.deckId) : ""
                    color: Theme.mutedText
                    font.pixelSize: 14
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("%1 studied").arg(controller.summary.studied)
                    color: Theme.mutedText
                }
                Button {
                    text: qsTr("End")
                    flat: true
                    onClicked: page.view = CardsView.Summary
                }
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: 12
                color: Theme.surface
                border.color: Theme.border
                Flickable {
                    anchors.fill: parent
                    anchors.margins: 32
                    contentHeight: sides.height
                    clip: true
                    Column {
                        id: sides
                        width: parent.width
                        spacing: 24
                        Text {
                            objectName: "frontText"
                            width: parent.width
                            text: controller.card.front
                            textFormat: Text.MarkdownText
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            font.pixelSize: 22
                            color: Theme.text
                        }
                        Rectangle {
                            visible: controller.flipped
                            width: parent.width
                            height: 1
                            color: Theme.border
                        }
                        Text {
                            objectName: "backText"
                            visible: controller.flipped
                            width: parent.width
                            text: controller.card.back
                            textFormat: Text.MarkdownText
                            wrapMode: Text.Wrap
                            horizontalAlignment: Text.AlignHCenter
                            font.pixelSize: 18
                            color: Theme.text
                        }
                    }
                }
            }
            Button {
                objectName: "showAnswerButton"
                visible: !controller.flipped
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 260
                text: qsTr("Show answer (Space)")
                onClicked: controller.flip()
            }
            RowLayout {
                visible: controller.flipped
                Layout.alignment: Qt.AlignHCenter
                spacing: 10
                Repeater {
                    model: [qsTr("Again"), qsTr("Hard"), qsTr("Good"), qsTr("Easy")]
                    delegate: Button {
                        required property int index
                        required property string modelData
                        objectName: "answerButton" + (index + 1)
                        Layout.preferredWidth: 130
                        highlighted: index === 2
                        text: page.intervalText(controller.card.intervals[index] || 0) + "\n" + modelData + "  (" + (index + 1) + ")"
                        onClicked: page.answerWith(index + 1)
                    }
                }
            }
        }
    }
    function answerWith(button) {
        if (!controller.flipped)
            return
        controller.answer(button)
        if (!controller.hasCard)
            view = CardsView.Summary
    }

    // The summary.
    ColumnLayout {
        objectName: "summaryView"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: page.view === CardsView.Summary
        spacing: 12
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.pixelSize: 22
            font.bold: true
            color: Theme.text
            text: controller.hasCard ? qsTr("Session ended") : qsTr("Done for today")
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            visible: controller.summary.studied === 0
            text: qsTr("Nothing is due in this deck now. New cards and reviews come back tomorrow.")
        }
        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            visible: controller.summary.studied > 0
            columns: 2
            columnSpacing: 24
            Label { text: qsTr("Cards studied"); color: Theme.mutedText }
            Label { objectName: "summaryStudied"; text: controller.summary.studied; color: Theme.text; font.bold: true }
            Label { text: qsTr("Again"); color: Theme.mutedText }
            Label { objectName: "summaryAgain"; text: controller.summary.again; color: Theme.text; font.bold: true }
            Label { text: qsTr("Time"); color: Theme.mutedText }
            Label { text: page.durationText(controller.summary.seconds); color: Theme.text; font.bold: true }
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Back to decks")
            highlighted: true
            onClicked: page.showDecks()
        }
    }

    // A deck's cards.
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 12
        visible: page.view === CardsView.Cards
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: "‹ " + qsTr("Decks")
                flat: true
                onClicked: page.showDecks()
            }
            Label {
                text: page.deckId ? controller.deckName(page.deckId) : ""
                font.pixelSize: 20
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Import…")
                flat: true
                onClicked: importDialog.open()
            }
            Button {
                text: qsTr("Export…")
                flat: true
                enabled: cardModel.count > 0
                onClicked: exportDialog.open()
            }
            Button {
                text: qsTr("New card")
                onClicked: editor.openCard("", page.deckId, "", "")
            }
            Button {
                text: qsTr("Study")
                highlighted: true
                onClicked: page.study(page.deckId)
            }
        }
        Label {
            objectName: "cardsNotice"
            visible: page.notice !== ""
            text: page.notice
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            padding: 8
            color: Theme.noticeText
            background: Rectangle { color: Theme.noticeBackground; radius: Theme.radius }
        }
        ListView {
            id: cardList
            objectName: "cardList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: cardModel
            keyNavigationEnabled: true
            delegate: Rectangle {
                id: cardRow
                required property int index
                required property string cardId
                required property string front
                required property string back
                width: ListView.view.width
                height: 52
                radius: Theme.radius
                color: ListView.isCurrentItem ? Theme.selection : (cardMouse.containsMouse ? Theme.hover : "transparent")
                MouseArea {
                    id: cardMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: cardList.currentIndex = cardRow.index
                    onDoubleClicked: editor.openCard(cardRow.cardId, page.deckId, cardRow.front, cardRow.back)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 12
                    anchors.rightMargin: 8
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: cardRow.front; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true; maximumLineCount: 1 }
                        Label { text: cardRow.back; color: Theme.mutedText; font.pixelSize: 12; elide: Text.ElideRight; Layout.fillWidth: true; maximumLineCount: 1 }
                    }
                    Button {
                        text: qsTr("Edit")
                        flat: true
                        onClicked: editor.openCard(cardRow.cardId, page.deckId, cardRow.front, cardRow.back)
                    }
                    Button {
                        text: "✕"
                        flat: true
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Delete card")
                        onClicked: page.deleteRequested(cardRow.cardId, cardRow.front, "cards")
                    }
                }
            }
        }
    }
    Label {
        visible: page.view === CardsView.Cards && cardModel.count === 0
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 460)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        color: Theme.mutedText
        text: qsTr("No cards in this deck yet. Click New card: a question on the front, the answer on the back.")
    }
}
