import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaContacts
import ManaControls

// Upcoming birthdays (birthdays.h): the next celebration of every contact
// with a birthday within `days` days, soonest first, with the date, the
// age turned ("turns 40"; none without a year) and "in N days".
Rectangle {
    id: view

    required property ContactsController controller
    property string language: "en"
    property string selectedId: ""
    property int days: 90
    // Read only while shown: it reads every contact with a birthday.
    readonly property var entries: visible && controller.revision >= 0 && controller.today
                                   ? controller.upcomingBirthdays(days) : []
    readonly property alias list: list

    signal chosen(string contactId)

    color: Theme.surface

    function locale() {
        return Qt.locale(language === "de" ? "de_DE" : "en_GB")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        Label {
            text: qsTr("Upcoming birthdays")
            font.pixelSize: 18
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("The next %1 days").arg(view.days)
            color: Theme.mutedText
            font.pixelSize: 12
        }
        ListView {
            id: list
            objectName: "birthdayList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: view.entries
            keyNavigationEnabled: true
            delegate: Rectangle {
                id: entry
                required property int index
                required property var modelData
                width: ListView.view.width
                height: Math.max(56, entryColumn.implicitHeight + 16)
                radius: Theme.radius
                color: modelData.contactId === view.selectedId ? Theme.selection
                                                              : entryMouse.containsMouse ? Theme.hover : "transparent"
                MouseArea {
                    id: entryMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: view.chosen(entry.modelData.contactId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 10
                    ContactAvatar {
                        size: 36
                        maskColor: entry.color.a > 0 ? entry.color : Theme.surface
                        photo: entry.modelData.photo
                        initials: entry.modelData.initials
                        baseColor: entry.modelData.avatarColor
                    }
                    ColumnLayout {
                        id: entryColumn
                        Layout.fillWidth: true
                        spacing: 1
                        Label {
                            Layout.fillWidth: true
                            text: entry.modelData.name !== "" ? entry.modelData.name : qsTr("No name")
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: {
                                const date = new Date(entry.modelData.nextBirthday + "T12:00:00")
                                const day = date.toLocaleDateString(view.locale(), view.language === "de" ? "ddd, d. MMMM" : "ddd d MMMM")
                                return entry.modelData.turningAge >= 0
                                        ? qsTr("%1 · turns %2").arg(day).arg(entry.modelData.turningAge) : day
                            }
                            color: Theme.mutedText
                            font.pixelSize: 12
                            wrapMode: Text.Wrap
                        }
                    }
                    Label {
                        text: entry.modelData.daysUntil === 0 ? qsTr("today")
                              : entry.modelData.daysUntil === 1 ? qsTr("tomorrow")
                              : qsTr("in %1 days").arg(entry.modelData.daysUntil)
                        color: entry.modelData.daysUntil <= 7 ? Theme.accent : Theme.mutedText
                        font.bold: entry.modelData.daysUntil === 0
                    }
                }
            }
            Label {
                objectName: "birthdaysEmpty"
                anchors.centerIn: parent
                width: parent.width - 32
                visible: list.count === 0
                text: qsTr("No birthdays in the next %1 days. Give a contact a birthday with Edit and it shows up here.").arg(view.days)
                color: Theme.mutedText
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }
}
