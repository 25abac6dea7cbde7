import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A date typed as yyyy-MM-dd or picked from a month calendar. `text` is
// what the form stores for a date editor ("" for none).
RowLayout {
    id: field

    property string text: ""
    property bool optional: true
    signal edited(string text)

    spacing: 4

    function pick(date) {
        const picked = Qt.formatDate(date, "yyyy-MM-dd")
        field.text = picked
        field.edited(picked)
        calendarPopup.close()
    }

    TextField {
        id: input
        objectName: "dateInput"
        Layout.fillWidth: true
        text: field.text
        placeholderText: qsTr("yyyy-mm-dd")
        inputMethodHints: Qt.ImhDate
        onTextEdited: field.edited(text)
    }
    Button {
        objectName: "calendarButton"
        text: "▦"
        implicitWidth: 36
        Accessible.name: qsTr("Choose a date")
        ToolTip.visible: hovered
        ToolTip.delay: 500
        ToolTip.text: qsTr("Choose a date")
        onClicked: {
            const shown = Date.fromLocaleString(Qt.locale("C"), field.text, "yyyy-MM-dd")
            const start = isNaN(shown) ? new Date() : shown
            grid.month = start.getMonth()
            grid.year = start.getFullYear()
            calendarPopup.open()
        }
    }

    Popup {
        id: calendarPopup
        y: field.height + 4
        padding: 10
        background: Rectangle {
            color: Theme.surfaceRaised
            border.color: Theme.border
            radius: Theme.radius
        }
        ColumnLayout {
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                Button {
                    text: "‹"
                    flat: true
                    Accessible.name: qsTr("Previous month")
                    onClicked: {
                        if (grid.month === 0) { grid.month = 11; grid.year -= 1 } else grid.month -= 1
                    }
                }
                Label {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.text
                    font.bold: true
                    text: Qt.locale().standaloneMonthName(grid.month) + " " + grid.year
                }
                Button {
                    text: "›"
                    flat: true
                    Accessible.name: qsTr("Next month")
                    onClicked: {
                        if (grid.month === 11) { grid.month = 0; grid.year += 1 } else grid.month += 1
                    }
                }
            }
            DayOfWeekRow {
                Layout.fillWidth: true
                locale: grid.locale
                delegate: Label {
                    required property string shortName
                    text: shortName
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    font.pixelSize: 11
                }
            }
            MonthGrid {
                id: grid
                objectName: "monthGrid"
                Layout.preferredWidth: 252
                locale: Qt.locale()
                delegate: Label {
                    required property var model
                    readonly property bool chosen: Qt.formatDate(model.date, "yyyy-MM-dd") === field.text
                    text: model.day
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: model.month === grid.month ? 1 : 0.35
                    color: chosen ? Theme.accentText : Theme.text
                    font.bold: model.today
                    background: Rectangle {
                        radius: 4
                        color: parent.chosen ? Theme.accentButton : "transparent"
                    }
                }
                onClicked: date => field.pick(date)
            }
            RowLayout {
                Button {
                    text: qsTr("Today")
                    flat: true
                    onClicked: field.pick(new Date())
                }
                Item { Layout.fillWidth: true }
                Button {
                    objectName: "clearDateButton"
                    visible: field.optional && field.text !== ""
                    text: qsTr("No date")
                    flat: true
                    onClicked: {
                        field.text = ""
                        field.edited("")
                        calendarPopup.close()
                    }
                }
            }
        }
    }
}
