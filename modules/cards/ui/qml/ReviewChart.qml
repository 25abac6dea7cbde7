import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ManaControls

// Answers per day as bars (Anki's "Reviews" graph, one period): a bar per
// local day, its Again part darker at the bottom, the day's numbers in a
// tooltip. `days` is CardsController.reviewDays ({label, reviews, again}).
ColumnLayout {
    id: chart

    property var days: []
    property int total: 0
    property color accentColor: "#EC4899"
    readonly property int highest: {
        let most = 0
        for (let i = 0; i < days.length; ++i)
            most = Math.max(most, days[i].reviews)
        return most
    }

    spacing: 6

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("Reviews in the last 30 days")
            color: Theme.text
            font.bold: true
            Layout.fillWidth: true
        }
        Label {
            objectName: "reviewChartTotal"
            visible: chart.total > 0
            text: chart.total === 1 ? qsTr("1 answer") : qsTr("%1 answers · %2 a day").arg(chart.total).arg((chart.total / Math.max(1, chart.days.length)).toFixed(1))
            color: Theme.mutedText
            font.pixelSize: 12
        }
    }

    Item {
        Layout.fillWidth: true
        Layout.preferredHeight: 90

        Label {
            anchors.centerIn: parent
            visible: chart.total === 0
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("No answers yet in these 30 days. Study a deck and each day's answers show up here.")
        }

        Row {
            id: bars
            anchors.fill: parent
            visible: chart.total > 0
            spacing: 2
            Repeater {
                model: chart.days
                delegate: Item {
                    required property var modelData
                    required property int index
                    width: (bars.width - bars.spacing * (chart.days.length - 1)) / Math.max(1, chart.days.length)
                    height: bars.height
                    Rectangle {
                        objectName: "reviewBar"
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: chart.highest > 0 ? Math.max(modelData.reviews > 0 ? 2 : 0, parent.height * modelData.reviews / chart.highest) : 0
                        radius: 2
                        color: chart.accentColor
                        Rectangle {
                            anchors.bottom: parent.bottom
                            width: parent.width
                            height: modelData.reviews > 0 ? parent.height * modelData.again / modelData.reviews : 0
                            radius: 2
                            color: Qt.darker(chart.accentColor, 1.6)
                        }
                    }
                    // The baseline, so that empty days still read as days.
                    Rectangle {
                        anchors.bottom: parent.bottom
                        width: parent.width
                        height: 1
                        color: Theme.border
                    }
                    MouseArea {
                        id: hover
                        anchors.fill: parent
                        hoverEnabled: true
                    }
                    ToolTip.visible: hover.containsMouse
                    ToolTip.text: qsTr("%1: %2 answered, %3 again").arg(modelData.label).arg(modelData.reviews).arg(modelData.again)
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: chart.total > 0
        Label {
            text: chart.days.length > 0 ? chart.days[0].label : ""
            color: Theme.mutedText
            font.pixelSize: 11
            Layout.fillWidth: true
        }
        Rectangle { width: 10; height: 10; radius: 2; color: chart.accentColor }
        Label { text: qsTr("answered"); color: Theme.mutedText; font.pixelSize: 11 }
        Rectangle { width: 10; height: 10; radius: 2; color: Qt.darker(chart.accentColor, 1.6) }
        Label { text: qsTr("again"); color: Theme.mutedText; font.pixelSize: 11 }
        Label {
            text: qsTr("Today")
            color: Theme.mutedText
            font.pixelSize: 11
            horizontalAlignment: Text.AlignRight
            Layout.fillWidth: true
        }
    }
}
