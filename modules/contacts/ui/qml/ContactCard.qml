import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaContacts
import ManaControls

// The contact card (GNOME Contacts' details pane): avatar, name, job and
// company, every email, phone and address with its kind (a click copies an
// email or phone), the birthday with age and days until, tags and notes;
// the star, Edit, Archive and Delete.
Rectangle {
    id: card

    required property ContactsController controller
    property string contactId: ""
    property string language: "en"
    property color accentColor: "#14B8A6"
    // Re-read when any contact changes (the star, an edit in the form).
    readonly property var contact: contactId !== "" && controller.revision >= 0 && controller.today
                                   ? controller.contact(contactId) : ({})
    readonly property bool hasContact: contact.id !== undefined

    signal editRequested
    signal deleteRequested
    signal copied(string text)

    color: Theme.surface

    function kindLabel(kind) {
        if (!kind)
            return ""
        const words = {
            "home": qsTr("Home"), "work": qsTr("Work"), "cell": qsTr("Mobile"),
            "fax": qsTr("Fax"), "pager": qsTr("Pager"), "main": qsTr("Main"),
            "other": qsTr("Other"), "car": qsTr("Car"), "voice": qsTr("Voice"),
            "text": qsTr("Text"), "video": qsTr("Video"), "internet": ""
        }
        const parts = kind.split(",").map(part => words[part] !== undefined ? words[part] : part)
                                     .filter(part => part !== "")
        // "voice" says nothing next to another kind ("Work voice").
        if (parts.length > 1)
            return parts.filter(part => part !== qsTr("Voice")).join(" ")
        return parts.join(" ")
    }
    function locale() {
        return Qt.locale(language === "de" ? "de_DE" : "en_GB")
    }
    function birthdayText() {
        const date = new Date(contact.birthday + "T12:00:00")
        const day = language === "de" ? "d. MMMM" : "d MMMM"
        return date.toLocaleDateString(locale(), contact.birthdayHasYear ? day + " yyyy" : day)
    }
    function untilText(days, age) {
        if (age < 0)
            return days === 0 ? qsTr("today") : days === 1 ? qsTr("tomorrow") : qsTr("in %1 days").arg(days)
        return days === 0 ? qsTr("turns %1 today").arg(age)
             : days === 1 ? qsTr("turns %1 tomorrow").arg(age)
             : qsTr("turns %1 in %2 days").arg(age).arg(days)
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 48
        visible: !card.hasContact
        text: qsTr("Select a contact to see its details.")
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
    }

    component FieldRow: RowLayout {
        id: fieldRow
        property string kind: ""
        property string value: ""
        property bool copyable: true
        Layout.fillWidth: true
        spacing: 12
        Label {
            Layout.preferredWidth: 96
            Layout.alignment: Qt.AlignTop
            text: fieldRow.kind
            color: Theme.mutedText
            elide: Text.ElideRight
        }
        Label {
            id: valueLabel
            objectName: "copyValue"
            Layout.fillWidth: true
            text: fieldRow.value
            color: fieldRow.copyable && valueMouse.containsMouse ? Theme.accent : Theme.text
            wrapMode: Text.Wrap
            MouseArea {
                id: valueMouse
                anchors.fill: parent
                enabled: fieldRow.copyable
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: {
                    card.controller.copyText(fieldRow.value)
                    card.copied(fieldRow.value)
                }
                ToolTip.visible: containsMouse
                ToolTip.delay: 600
                ToolTip.text: qsTr("Click to copy")
            }
        }
    }
    component SectionTitle: Label {
        Layout.topMargin: 14
        font.pixelSize: 12
        font.bold: true
        color: Theme.mutedText
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        visible: card.hasContact
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 6

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 24
                Layout.bottomMargin: 4
                spacing: 16
                ContactAvatar {
                    size: card.width > 480 ? 88 : 64
                    photo: card.contact.photo || ""
                    initials: card.contact.initials || ""
                    baseColor: card.contact.avatarColor || "#0D9488"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "cardName"
                        Layout.fillWidth: true
                        text: card.contact.name ? [card.contact.prefix, card.contact.name, card.contact.suffix]
                                                  .filter(part => part).join(" ") : qsTr("No name")
                        font.pixelSize: 22
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: card.contact.hasName
                              ? [card.contact.jobTitle, card.contact.company].filter(part => part).join(" · ")
                              : (card.contact.jobTitle || "")
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    Label {
                        visible: card.contact.archived === true
                        text: qsTr("Archived")
                        color: Theme.noticeText
                        font.pixelSize: 12
                    }
                }
                ToolButton {
                    objectName: "starButton"
                    text: card.contact.favorite ? "\u2605" : "\u2606"
                    font.pixelSize: 22
                    palette.buttonText: card.contact.favorite ? "#E0A630" : Theme.mutedText
                    onClicked: card.controller.setFavorite(card.contactId, !card.contact.favorite)
                    ToolTip.visible: hovered
                    ToolTip.text: card.contact.favorite ? qsTr("Remove from favourites") : qsTr("Add to favourites")
                }
            }
            RowLayout {
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                spacing: 8
                Button {
                    objectName: "editButton"
                    text: qsTr("Edit")
                    onClicked: card.editRequested()
                }
                Button {
                    text: card.contact.archived ? qsTr("Unarchive") : qsTr("Archive")
                    onClicked: card.controller.setArchived(card.contactId, !card.contact.archived)
                }
                Button {
                    objectName: "deleteButton"
                    text: qsTr("Delete")
                    onClicked: card.deleteRequested()
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 24
                Layout.rightMargin: 24
                Layout.bottomMargin: 24
                spacing: 6

                SectionTitle {
                    visible: (card.contact.emails || []).length > 0
                    text: qsTr("Email")
                }
                Repeater {
                    model: card.contact.emails || []
                    FieldRow {
                        required property var modelData
                        kind: card.kindLabel(modelData.kind)
                        value: modelData.value
                    }
                }
                SectionTitle {
                    visible: (card.contact.phones || []).length > 0
                    text: qsTr("Phone")
                }
                Repeater {
                    model: card.contact.phones || []
                    FieldRow {
                        required property var modelData
                        kind: card.kindLabel(modelData.kind)
                        value: modelData.value
                    }
                }
                SectionTitle {
                    visible: (card.contact.addresses || []).length > 0
                    text: qsTr("Address")
                }
                Repeater {
                    model: card.contact.addresses || []
                    FieldRow {
                        required property var modelData
                        kind: card.kindLabel(modelData.kind)
                        value: modelData.value
                    }
                }
                SectionTitle {
                    visible: !!card.contact.birthday
                    text: qsTr("Birthday")
                }
                Label {
                    objectName: "birthdayRow"
                    Layout.fillWidth: true
                    visible: !!card.contact.birthday
                    text: card.contact.birthday
                          ? card.birthdayText() + (card.contact.daysUntil >= 0
                                ? " · " + card.untilText(card.contact.daysUntil, card.contact.turningAge) : "")
                          : ""
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                SectionTitle {
                    visible: (card.contact.tags || []).length > 0
                    text: qsTr("Tags")
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    visible: (card.contact.tags || []).length > 0
                    Repeater {
                        model: card.contact.tags || []
                        Rectangle {
                            required property string modelData
                            width: tagLabel.implicitWidth + 16
                            height: tagLabel.implicitHeight + 6
                            radius: height / 2
                            color: Theme.hover
                            border.color: Theme.border
                            border.width: 1
                            Label {
                                id: tagLabel
                                anchors.centerIn: parent
                                text: parent.modelData
                                color: Theme.text
                                font.pixelSize: 12
                            }
                        }
                    }
                }
                SectionTitle {
                    visible: !!card.contact.notes
                    text: qsTr("Notes")
                }
                Label {
                    Layout.fillWidth: true
                    visible: !!card.contact.notes
                    text: card.contact.notes || ""
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
