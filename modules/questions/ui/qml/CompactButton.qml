import QtQuick
import QtQuick.Controls

// A button as wide as its text (the Basic style's are at least 100 px,
// which a row of toolbar and answer buttons has no room for).
Button {
    implicitWidth: Math.max(implicitContentWidth + leftPadding + rightPadding, implicitHeight)
}
