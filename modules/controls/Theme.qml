pragma Singleton
import QtQuick

// The shell's colours for light and dark. Main.qml decides `dark` (the
// setting, or the system palette's lightness on Qt 6.4).
QtObject {
    property bool dark: false

    readonly property color window: dark ? "#16171b" : "#f6f6f8"
    readonly property color sidebar: dark ? "#1e1f24" : "#ececf1"
    readonly property color surface: dark ? "#24252b" : "#ffffff"
    readonly property color surfaceRaised: dark ? "#2c2d34" : "#ffffff"
    readonly property color text: dark ? "#ececf1" : "#1d1d22"
    readonly property color mutedText: dark ? "#a6a6b0" : "#5c5c66"
    readonly property color border: dark ? "#3a3b44" : "#dcdce2"
    readonly property color hover: dark ? "#2a2b33" : "#e2e2e9"
    readonly property color selection: dark ? "#333648" : "#dfe3f7"
    readonly property color accent: dark ? "#8ea2ff" : "#3d5bd9"
    readonly property color accentText: "#ffffff"
    readonly property color accentButton: "#3d5bd9"

    readonly property color synced: "#2e9d5b"
    readonly property color pending: dark ? "#e0a630" : "#b7790f"
    readonly property color syncing: dark ? "#6f9cf0" : "#2f6bd0"
    readonly property color offline: dark ? "#8c8c96" : "#7a7a84"
    readonly property color error: "#d64545"
    readonly property color errorText: dark ? "#ff8a8a" : "#b3261e"
    // A lasting condition that is not an error (a read-only profile).
    readonly property color noticeBackground: dark ? "#3d3214" : "#fdf1cf"
    readonly property color noticeText: dark ? "#f4d891" : "#5a3e00"

    readonly property int radius: 8
    readonly property int sidebarWidth: 236
}
