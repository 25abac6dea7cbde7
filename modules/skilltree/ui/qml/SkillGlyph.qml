import QtQuick
import QtQuick.Controls

// A skill's or an achievement's icon: a filled circle in its colour with a
// symbol. The icon field holds a name of the table below (the seeds' and
// achievements' names) or any single symbol or emoji typed in the form;
// anything else shows the name's first letter.
Rectangle {
    id: glyph

    property string icon: ""
    property string name: ""
    property color tint: "#64748b"
    property int size: 32

    readonly property var symbols: ({
        "star": "★", "book": "✎", "pen": "✎", "writing": "✍", "chef-hat": "♨", "cooking": "♨",
        "bread": "♨", "music": "♫", "coffee": "☕", "run": "⚡", "fitness": "⚡", "dumbbell": "⚡",
        "sport": "⚡", "anchor": "⚓", "gear": "⚙", "tools": "⚒", "hammer": "⚒", "wrench": "⚙",
        "travel": "✈", "plane": "✈", "mail": "✉", "chat": "✉", "social": "☺", "people": "☺",
        "scissors": "✂", "craft": "✂", "brain": "☯", "mind": "☯", "meditation": "☯",
        "chess": "♞", "balance": "⚖", "science": "⚗", "flask": "⚗", "flower": "⚘",
        "plant": "⚘", "garden": "⚘", "sun": "☀", "tree": "☘", "leaf": "☘", "code": "⌨",
        "keyboard": "⌨", "heart": "❤", "flag": "⚑", "arrow-up": "↑", "medal": "✪",
        "crown": "♛", "trophy": "✯", "repeat": "⟳", "fire": "✹", "clock": "◷",
        "hourglass": "✺", "sparkle": "✦", "umbrella": "☂", "snow": "❄", "language": "✍",
        "paint": "✿", "art": "✿", "camera": "◉"
    })
    function symbolFor(icon, name) {
        if (symbols[icon] !== undefined)
            return symbols[icon]
        // One typed symbol (an emoji may be two UTF-16 units).
        if (icon.length > 0 && icon.length <= 2 && icon.charCodeAt(0) > 127)
            return icon
        return name.length > 0 ? name.charAt(0).toUpperCase() : "?"
    }

    width: size
    height: size
    radius: size / 2
    color: tint
    Label {
        anchors.centerIn: parent
        text: glyph.symbolFor(glyph.icon, glyph.name)
        color: "#ffffff"
        font.pixelSize: Math.round(glyph.size * 0.5)
        font.bold: true
    }
}
