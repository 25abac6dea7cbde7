<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AchievementsView</name>
    <message>
        <location filename="../../modules/skilltree/ui/qml/AchievementsView.qml" line="77"/>
        <source>Unlocked on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/AchievementsView.qml" line="78"/>
        <source>Locked · %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/AgendaView.qml" line="35"/>
        <source>Nothing planned in these four weeks. Press Ctrl+N to add an event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmDialog</name>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="63"/>
        <source>New alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="63"/>
        <source>Edit alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="69"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="74"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="97"/>
        <source>Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="113"/>
        <source>Minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="118"/>
        <source>Repeat on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="149"/>
        <source>Label (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="156"/>
        <source>Snooze for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmDialog.qml" line="166"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmsTab</name>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="39"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="90"/>
        <source>Alarm %1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="96"/>
        <source>Delete alarm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="99"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="110"/>
        <source>No alarms yet. An alarm rings at its time on the days you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/AlarmsTab.qml" line="111"/>
        <source>Add alarm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerEditor</name>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="73"/>
        <source>Edit answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="73"/>
        <source>Add answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="85"/>
        <source>What did you find out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="95"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="128"/>
        <source>Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="142"/>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="144"/>
        <source>Remove source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="167"/>
        <source>Add source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="174"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="180"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerEditor.qml" line="180"/>
        <source>Save answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerView</name>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="32"/>
        <source>Accepted answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="71"/>
        <source>No sources (the stored list could not be read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="87"/>
        <source>%1 of 5 stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="97"/>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="104"/>
        <source>Un-accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="104"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="112"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/AnswerView.qml" line="117"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BirthdaysView</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="35"/>
        <source>Upcoming birthdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="42"/>
        <source>The next %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="87"/>
        <source>No name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="97"/>
        <source>%1 · turns %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="105"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="106"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="107"/>
        <source>in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/BirthdaysView.qml" line="118"/>
        <source>No birthdays in the next %1 days. Give a contact a birthday with Edit and it shows up here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BranchCard</name>
    <message>
        <location filename="../../modules/skilltree/ui/qml/BranchCard.qml" line="65"/>
        <source>No skills in this branch yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/BranchCard.qml" line="152"/>
        <source>Lv %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/BranchCard.qml" line="176"/>
        <source>%1 XP · top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/BranchCard.qml" line="177"/>
        <source>%1 / %2 XP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="173"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="179"/>
        <source>Go to today (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="187"/>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="191"/>
        <source>Previous (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="199"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="203"/>
        <source>Next (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="221"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="222"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="223"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="224"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="385"/>
        <source>New calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarPage.qml" line="386"/>
        <source>Edit calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CalendarSidebar</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="41"/>
        <source>Calendars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="50"/>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="53"/>
        <source>New calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="83"/>
        <source>Show %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="113"/>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="116"/>
        <source>Use for new events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="116"/>
        <source>New events go here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="125"/>
        <source>No calendars yet. Press + to make one, or import an .ics file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="133"/>
        <source>Show tasks from Todo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="143"/>
        <source>Import .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/CalendarSidebar.qml" line="149"/>
        <source>Export .ics…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardEditorDialog</name>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="19"/>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="19"/>
        <source>Edit card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="47"/>
        <source>Front (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="48"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="57"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="71"/>
        <source>Back (Markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="80"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="98"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardEditorDialog.qml" line="103"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="75"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="77"/>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="80"/>
        <source>%1 mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="81"/>
        <source>%1 y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="104"/>
        <source>Import cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="105"/>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="121"/>
        <source>Text files (*.txt *.tsv *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="105"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="112"/>
        <source>1 card imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="112"/>
        <source>%1 cards imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="118"/>
        <source>Export cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="132"/>
        <source>New deck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="157"/>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="441"/>
        <source>Decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="163"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="164"/>
        <source>Learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="165"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="210"/>
        <source>1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="210"/>
        <source>%1 cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="219"/>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="469"/>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="225"/>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="259"/>
        <source>No decks yet. Press Ctrl+N to create your first deck, then add cards with a question on the front and the answer on the back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="299"/>
        <source>%1 studied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="303"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="358"/>
        <source>Show answer (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="366"/>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="419"/>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="366"/>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="366"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="366"/>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="402"/>
        <source>Session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="402"/>
        <source>Done for today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="410"/>
        <source>Nothing is due in this deck now. New cards and reviews come back tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="417"/>
        <source>Cards studied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="421"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="426"/>
        <source>Back to decks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="454"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="459"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="465"/>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="520"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="528"/>
        <source>Delete card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/CardsPage.qml" line="542"/>
        <source>No cards in this deck yet. Click New card: a question on the front, the answer on the back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClockPage</name>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="65"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="116"/>
        <source>World</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="116"/>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="116"/>
        <source>Stopwatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="116"/>
        <source>Timers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ClockPage.qml" line="148"/>
        <source>Press %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../modules/controls/ConfirmDialog.qml" line="11"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/ConfirmDialog.qml" line="27"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactCard</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="33"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="33"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="33"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="34"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="34"/>
        <source>Pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="34"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="35"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="35"/>
        <source>Car</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="35"/>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="42"/>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="36"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="36"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="55"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="55"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="55"/>
        <source>in %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="56"/>
        <source>turns %1 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="57"/>
        <source>turns %1 tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="58"/>
        <source>turns %1 in %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="65"/>
        <source>Select a contact to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="104"/>
        <source>Click to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="144"/>
        <source>No name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="161"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="173"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="173"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="182"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="186"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="186"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="191"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="205"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="217"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="229"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="241"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="256"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactCard.qml" line="284"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="21"/>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="21"/>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="93"/>
        <source>No label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="105"/>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="106"/>
        <source>+49 30 1234567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="115"/>
        <source>Street, postal code and city, country (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="130"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="163"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="170"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="176"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="182"/>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="188"/>
        <source>Name prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="194"/>
        <source>Name suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="201"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="202"/>
        <source>+ Add email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="207"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="208"/>
        <source>+ Add phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="213"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="214"/>
        <source>+ Add address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="220"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="227"/>
        <source>1985-04-12, or --04-12 without a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="233"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="268"/>
        <source>Remove tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="278"/>
        <source>Add a tag (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="287"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="314"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="320"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactEditDialog.qml" line="322"/>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactRow.qml" line="55"/>
        <source>No name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="160"/>
        <source>1 contact deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="160"/>
        <source>%1 contacts deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="171"/>
        <source>1 contact marked as favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="172"/>
        <source>%1 contacts marked as favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="173"/>
        <source>1 contact no longer a favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="174"/>
        <source>%1 contacts no longer favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="192"/>
        <source>1 imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="192"/>
        <source>%1 imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="193"/>
        <source>1 merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="193"/>
        <source>%1 merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="194"/>
        <source>1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="194"/>
        <source>%1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="206"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="224"/>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="258"/>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="259"/>
        <source>Contacts (*.vcf *.vcard *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="259"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="260"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="260"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="349"/>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="355"/>
        <source>Birthdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="360"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="366"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="372"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="378"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="385"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="388"/>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="392"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="398"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="435"/>
        <source>Search contacts (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="511"/>
        <source>No contact matches “%1”. The search looks in names, emails, phones, companies, addresses, notes and tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="513"/>
        <source>No archived contacts. Archive a contact from its card to keep it without seeing it in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ContactsPage.qml" line="514"/>
        <source>No contacts yet. Press Ctrl+N to add one, or Ctrl+I to import a vCard or CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextEditor</name>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="49"/>
        <source>A tag needs a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="50"/>
        <source>A tag can have at most 40 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="51"/>
        <source>The document already has this tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="52"/>
        <source>A document can have at most 20 tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="53"/>
        <source>Open a document to tag it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="54"/>
        <source>The tag could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="122"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="139"/>
        <source>Short ID: the space&apos;s prefix and a number, unique in the space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="153"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="153"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="153"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="161"/>
        <source>Text: notes. Context: reference material for a model. Prompt: an instruction to reuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="166"/>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="166"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="170"/>
        <source>Pinned documents stay at the top of their space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="177"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="186"/>
        <source>Show or hide the preview (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="191"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="195"/>
        <source>Save this document as a Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="201"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="233"/>
        <source>Add tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="236"/>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="287"/>
        <source>Write in Markdown: # for a heading, - for a list, **bold**, *italic*, [a link](https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="340"/>
        <source>1 word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="340"/>
        <source>%1 words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="341"/>
        <source>1 character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="341"/>
        <source>%1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="342"/>
        <source>≈ %1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="344"/>
        <source>Tokens are an estimate: about 4 characters per token, one per Chinese or Japanese character. A model&apos;s own tokenizer may count differently.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="352"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextEditor.qml" line="352"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContextPage</name>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="50"/>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="509"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="132"/>
        <source>This file is larger than 5 MB. Context opens Markdown and text files up to 5 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="134"/>
        <source>This file is not UTF-8 text. Context opens Markdown (.md) and text (.txt) files saved as UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="136"/>
        <source>The file could not be read. Check that it still exists and that you may open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="138"/>
        <source>The file could not be written. Choose another folder or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="140"/>
        <source>The document could not be saved, so nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="179"/>
        <source>Import a Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="180"/>
        <source>Markdown and text files (*.md *.markdown *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="180"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="185"/>
        <source>Export as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="188"/>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="209"/>
        <source>Unpin space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="209"/>
        <source>Pin space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="213"/>
        <source>Edit space…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="217"/>
        <source>Delete space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="227"/>
        <source>Unpin document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="227"/>
        <source>Pin document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="233"/>
        <source>Edit details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="240"/>
        <source>Delete document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="277"/>
        <source>Spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="288"/>
        <source>New space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="295"/>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="404"/>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="309"/>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="446"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="309"/>
        <source>Other spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="344"/>
        <source>Space actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="371"/>
        <source>No spaces yet. Click + to create one: a space groups documents, like a project or a topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="389"/>
        <source>Search all documents (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="413"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="417"/>
        <source>Open a .md or .txt file as a new document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="446"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="478"/>
        <source>No documents here yet. Press Ctrl+N to write the first one, or import a Markdown file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="538"/>
        <source>Nothing found for “%1”. The search finds words that start with what you type, in titles and text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/ContextPage.qml" line="577"/>
        <source>Choose a document on the left, or press Ctrl+N to write a new one in Markdown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedProfilePage</name>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="70"/>
        <source>Your account&apos;s data on this computer is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="71"/>
        <source>The guest data on this computer is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="92"/>
        <source>Details: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="115"/>
        <source>Cancel sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="120"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/DamagedProfilePage.qml" line="127"/>
        <source>Move aside and rebuild from server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="28"/>
        <source>yyyy-mm-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="36"/>
        <location filename="../../modules/controls/DateField.qml" line="39"/>
        <source>Choose a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="65"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="80"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="120"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/DateField.qml" line="128"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayNightIcon</name>
    <message>
        <location filename="../../modules/clock/ui/qml/DayNightIcon.qml" line="15"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/DayNightIcon.qml" line="15"/>
        <source>Night</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteProjectDialog</name>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="29"/>
        <source>Delete “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="33"/>
        <source>The project has no tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="34"/>
        <source>The project has %n task(s). Move them to the Inbox, or delete them with the project?</source>
        <translation>
            <numerusform>The project has %n task. Move it to the Inbox, or delete it with the project?</numerusform>
            <numerusform>The project has %n tasks. Move them to the Inbox, or delete them with the project?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="44"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="48"/>
        <source>Delete tasks too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="54"/>
        <source>Delete, keep tasks in Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/DeleteProjectDialog.qml" line="54"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../modules/context/ui/qml/DocumentRow.qml" line="44"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/DocumentRow.qml" line="60"/>
        <source>Empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="85"/>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="85"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="99"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="103"/>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="112"/>
        <source>All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="117"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="137"/>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="140"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="155"/>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="158"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="166"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="174"/>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="180"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="188"/>
        <source>Notes, a link, an agenda …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="202"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="209"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/EventDialog.qml" line="217"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="26"/>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="47"/>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="50"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="50"/>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="55"/>
        <source>1 contact exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="55"/>
        <source>%1 contacts exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="64"/>
        <source>All contacts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="70"/>
        <source>Only the %1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="71"/>
        <source>Only %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="71"/>
        <source>the selected contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="72"/>
        <source>Only the selected contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="76"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="82"/>
        <source>vCard 3.0 (most address books)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="82"/>
        <source>vCard 4.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="82"/>
        <source>Google Contacts CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="83"/>
        <source>Outlook CSV (opens in Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="99"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ExportDialog.qml" line="104"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="144"/>
        <source>A file is attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="144"/>
        <source>No file attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="175"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/FieldEditor.qml" line="216"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestWelcome</name>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="12"/>
        <source>Welcome to ManaCore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="23"/>
        <source>You are using ManaCore as a guest: everything you create is saved on this computer and works offline. Sign in whenever you want your data on your other devices too; nothing you made as a guest is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="36"/>
        <source>Sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/GuestWelcome.qml" line="46"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IcsFileDialogs</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="28"/>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="89"/>
        <source>Export a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="28"/>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="82"/>
        <source>Import an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="37"/>
        <source>Which calendar? Its events, repetitions and reminders are written to an iCalendar file that Google Calendar, Thunderbird and Apple Calendar read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="38"/>
        <source>Into which calendar? Events that were imported before are updated, not doubled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="47"/>
        <source>A new calendar named after the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="59"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="59"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="65"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="83"/>
        <source>iCalendar files (*.ics *.ical *.ifb)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="83"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/IcsFileDialogs.qml" line="92"/>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="18"/>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="25"/>
        <source>Do not import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="25"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="25"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="25"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="26"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="26"/>
        <source>Name prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="26"/>
        <source>Name suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="26"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="27"/>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="27"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="27"/>
        <source>Email kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="27"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="27"/>
        <source>Phone kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="28"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="28"/>
        <source>Address kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="28"/>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="28"/>
        <source>PO box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="29"/>
        <source>Extended address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="29"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="29"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="29"/>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="30"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="30"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="30"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="30"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="30"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="32"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="32"/>
        <source>Add as new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="32"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="36"/>
        <source>vCard file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="37"/>
        <source>Google Contacts CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="38"/>
        <source>Outlook CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="39"/>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="70"/>
        <source>Reading the file and looking for duplicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="88"/>
        <source>1 contact found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="89"/>
        <source>%1 contacts found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="90"/>
        <source>1 duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="91"/>
        <source>%1 duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="113"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="118"/>
        <source>For all:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="141"/>
        <source>No name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="148"/>
        <source>Same email as %1 earlier in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="149"/>
        <source>Same email as %1 in your contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="150"/>
        <source>Same phone number as %1 earlier in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="151"/>
        <source>Same phone number as %1 in your contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="171"/>
        <source>%1 more duplicates follow the choice for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="179"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="203"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="231"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="231"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/ImportDialog.qml" line="240"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="55"/>
        <source>New list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="55"/>
        <source>Rename list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="62"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="69"/>
        <source>For example: Courage, Goethe, Wedding speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="73"/>
        <source>Description (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="96"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="96"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ListDialog.qml" line="102"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogActivityDialog</name>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="36"/>
        <source>Log activity · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="36"/>
        <source>Edit activity · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="71"/>
        <source>This skill no longer exists. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="72"/>
        <source>Enter the XP you earned or how many minutes you practised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="73"/>
        <source>XP must be between 1 and 10000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="74"/>
        <source>The duration must be between 0 and 1440 minutes (one day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="75"/>
        <source>The time lies in the future. Log what you already did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="76"/>
        <source>XP must be a whole number, such as 30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="77"/>
        <source>The duration must be a whole number of minutes, such as 45.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="78"/>
        <source>Enter the date as yyyy-mm-dd and the time as hh:mm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="79"/>
        <source>This activity no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="80"/>
        <source>The activity could not be saved. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="107"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="114"/>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="117"/>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="119"/>
        <source>XP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="124"/>
        <source>1 XP per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="127"/>
        <source>What you did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="132"/>
        <source>e.g. Read two chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="134"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="140"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="145"/>
        <source>hh:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="153"/>
        <source>This earns %1 XP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="154"/>
        <source>Leave XP empty to earn 1 XP per minute of the duration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="168"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="174"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/LogActivityDialog.qml" line="174"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="33"/>
        <source>%1 – ManaCore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MiniMonth</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/MiniMonth.qml" line="37"/>
        <source>Previous month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/MiniMonth.qml" line="44"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModulePage</name>
    <message>
        <location filename="../../qml/ModulePage.qml" line="84"/>
        <source>“%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="146"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/ModulePage.qml" line="155"/>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/MonthView.qml" line="159"/>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameColorDialog</name>
    <message>
        <location filename="../../modules/controls/NameColorDialog.qml" line="36"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/NameColorDialog.qml" line="62"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/controls/NameColorDialog.qml" line="68"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewQuestionDialog</name>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="17"/>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="41"/>
        <source>What do you want to find out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="50"/>
        <source>In %1, status %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="51"/>
        <source>In no collection, status %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="64"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/NewQuestionDialog.qml" line="70"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionBoard</name>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="115"/>
        <source>Arrows select · Enter opens · Ctrl+Left/Right moves to the next column · Menu key or right click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="212"/>
        <source>No question here matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="213"/>
        <source>Nothing open. Press Ctrl+N to ask a question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="214"/>
        <source>Move a question here with Ctrl+Right while you look into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="215"/>
        <source>Accept an answer and its question lands here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionBoard.qml" line="216"/>
        <source>Questions you are done with. Move them here from their menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionCard.qml" line="96"/>
        <source>1 answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionCard.qml" line="96"/>
        <source>%1 answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionDetail</name>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="48"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="48"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="54"/>
        <source>Asked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="59"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="73"/>
        <source>This question is gone; it may have been deleted on another device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="96"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="106"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="119"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="138"/>
        <source>Add tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="147"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="156"/>
        <source>What do you already know, and what would a good answer tell you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="169"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="169"/>
        <source>1 answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="169"/>
        <source>%1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionDetail.qml" line="180"/>
        <source>No answers yet. Write down below what you found out, with the pages you found it on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionList</name>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="60"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="64"/>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="65"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="66"/>
        <source>Date asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="67"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="79"/>
        <source>1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="79"/>
        <source>%1 questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="152"/>
        <source>1 answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionList.qml" line="152"/>
        <source>%1 answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="113"/>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="186"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="113"/>
        <source>Researching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="114"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="114"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="117"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="117"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="118"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="118"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="147"/>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="302"/>
        <source>New collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="148"/>
        <source>Edit collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="167"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="172"/>
        <source>Delete (its questions stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="195"/>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="205"/>
        <source>Priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="251"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="259"/>
        <source>All questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="326"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="332"/>
        <source>Board by status (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="336"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="342"/>
        <source>Sortable list (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="349"/>
        <source>Search questions and answers (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="361"/>
        <source>Any priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="383"/>
        <source>Showing the first 2,000 matches. Add a word or pick a collection to narrow it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="419"/>
        <source>No questions yet. Press Ctrl+N to write down the first thing you want to find out; answers and their sources go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/qml/QuestionsPage.qml" line="429"/>
        <source>No question matches. Clear the search or the tag, or pick another collection.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickSwitcher</name>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="64"/>
        <source>Go to app or record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="70"/>
        <source>Find an app or a record by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="121"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/QuickSwitcher.qml" line="134"/>
        <source>No app or record matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteActions</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="37"/>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="40"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="37"/>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="40"/>
        <source>Add to favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="45"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="49"/>
        <source>Copy the quote with its author and source (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="55"/>
        <source>Add to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="65"/>
        <location filename="../../modules/zitare/ui/qml/QuoteActions.qml" line="68"/>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteOfTheDayCard</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteOfTheDayCard.qml" line="46"/>
        <source>Quote of the day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteRow</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteRow.qml" line="71"/>
        <source>This quote is no longer in Zitare&apos;s collection (%1). Remove it here if you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteRow.qml" line="94"/>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/QuoteRow.qml" line="94"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDetailPane</name>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="63"/>
        <source>Close details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="110"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordDetailPane.qml" line="116"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="94"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="99"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordFormDialog.qml" line="99"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListPane</name>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="47"/>
        <location filename="../../qml/RecordListPane.qml" line="48"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="62"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="84"/>
        <source>Natural order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="87"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="94"/>
        <source>Descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="94"/>
        <source>Ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/RecordListPane.qml" line="182"/>
        <source>Nothing matches the search or filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/RecordListPane.qml" line="201"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/RecordListPane.qml" line="202"/>
        <source>%1 of %Ln record(s)</source>
        <translation>
            <numerusform>%1 of %Ln record</numerusform>
            <numerusform>%1 of %Ln records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="32"/>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="41"/>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="54"/>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="55"/>
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="56"/>
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="57"/>
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="58"/>
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="92"/>
        <source>Monthly on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="98"/>
        <source>the due date&apos;s day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="99"/>
        <source>day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="100"/>
        <source>the last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="109"/>
        <source>On the</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="118"/>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="118"/>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="119"/>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="119"/>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="120"/>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="145"/>
        <source>Never ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="151"/>
        <source>Ends after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="166"/>
        <source>occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="170"/>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="199"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/RecurrenceDialog.qml" line="202"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="27"/>
        <source>Reviews in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="35"/>
        <source>1 answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="35"/>
        <source>%1 answers · %2 a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="52"/>
        <source>No answers yet in these 30 days. Study a deck and each day&apos;s answers show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="95"/>
        <source>%1: %2 answered, %3 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="111"/>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="113"/>
        <source>again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/cards/ui/qml/ReviewChart.qml" line="115"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="42"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="49"/>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="54"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="82"/>
        <source>Time is up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="83"/>
        <source>Time is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/RingingBanner.qml" line="91"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="44"/>
        <source>Delete a repeating event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="44"/>
        <source>Change a repeating event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="52"/>
        <source>Which events do you want to delete?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="53"/>
        <source>Which events do you want to change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="61"/>
        <source>This event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="67"/>
        <source>This and the following events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="73"/>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/ui/qml/ScopeDialog.qml" line="80"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="62"/>
        <source>1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="62"/>
        <source>%1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="70"/>
        <source>Clear the selection (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="82"/>
        <source>Mark as favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="90"/>
        <source>Remove from favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="97"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="98"/>
        <source>Export the selected as a vCard file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="103"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/qml/SelectionBar.qml" line="105"/>
        <source>Delete (Del)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="37"/>
        <source>Reset guest data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="38"/>
        <source>This deletes everything in the guest profile and starts over with the example records. It cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="39"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="54"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="63"/>
        <source>You are using a guest profile. Your data stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="64"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="69"/>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="69"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="82"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="89"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="102"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="115"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="124"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="131"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="141"/>
        <location filename="../../qml/SettingsPage.qml" line="158"/>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="149"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="159"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="160"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="167"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="177"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="180"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="188"/>
        <source>Profile file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="204"/>
        <source>Start over with a fresh guest profile and the example records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="205"/>
        <source>Resetting the guest profile needs the account service, which this version does not have yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SettingsPage.qml" line="209"/>
        <source>Reset guest data…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../qml/Shell.qml" line="170"/>
        <location filename="../../qml/Shell.qml" line="222"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="324"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Shell.qml" line="336"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../qml/Sidebar.qml" line="53"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="107"/>
        <source>Go to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="112"/>
        <source>Ctrl+K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="174"/>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="194"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/Sidebar.qml" line="212"/>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="30"/>
        <source>Enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="35"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="40"/>
        <source>Choose a password of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="45"/>
        <source>Signing in is not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="54"/>
        <source>Sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="79"/>
        <source>Sign in to keep your data in sync on all your devices. What you created as a guest comes with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="85"/>
        <location filename="../../qml/SignInDialog.qml" line="97"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="94"/>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="102"/>
        <location filename="../../qml/SignInDialog.qml" line="113"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="133"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="163"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SignInDialog.qml" line="171"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkillDetailPane</name>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="32"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="35"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="35"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="52"/>
        <source>Select a skill to see its level and the history of what you practised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="92"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="108"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="121"/>
        <source>Delete the skill with its activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="131"/>
        <source>Level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="139"/>
        <source>%1 XP in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="162"/>
        <source>Top level reached. Every activity still adds to the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="163"/>
        <source>%1 of %2 XP in this level · %3 XP to level %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="178"/>
        <source>Log activity (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="183"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="222"/>
        <source>Click to change XP, duration, description or time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="232"/>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="247"/>
        <source>+%1 XP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="265"/>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="268"/>
        <source>Edit activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="286"/>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="289"/>
        <source>Delete activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillDetailPane.qml" line="303"/>
        <source>No activities yet. Press Ctrl+L to log what you practised.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkillTreePage</name>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="35"/>
        <source>Intellect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="36"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="37"/>
        <source>Creativity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="38"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="39"/>
        <source>Practical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="40"/>
        <source>Mindset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="41"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="61"/>
        <source>Add a skill first: press Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="65"/>
        <source>Select a skill first, then press Ctrl+L to log an activity for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="124"/>
        <source>%1 XP logged for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="126"/>
        <source>Activity of %1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="128"/>
        <source>%1 reached level %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="129"/>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="130"/>
        <source>Level up!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="134"/>
        <source>Achievement unlocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="135"/>
        <source>Achievement unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="174"/>
        <source>Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="181"/>
        <source>Achievements %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="213"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="281"/>
        <source>Skill “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="288"/>
        <source>Activity “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="289"/>
        <source>Activity deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/skilltree/ui/qml/SkillTreePage.qml" line="318"/>
        <source>No skills yet. Press Ctrl+N to add your first skill, then select it and press Ctrl+L to log what you practised.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpaceDialog</name>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="27"/>
        <source>New space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="27"/>
        <source>Edit space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="33"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="38"/>
        <source>For example: Project Apollo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="41"/>
        <source>Prefix of short IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="55"/>
        <source>Documents in this space get IDs like %1-1, %1-2. Letters and digits, up to 8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="58"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="62"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="68"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/context/ui/qml/SpaceDialog.qml" line="74"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StopwatchTab</name>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="38"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="39"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="39"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="45"/>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="50"/>
        <source>Lap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="56"/>
        <source>Enter or L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="61"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="67"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="74"/>
        <source>Press Start or Space to measure time. Laps appear below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/StopwatchTab.qml" line="93"/>
        <source>Lap %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="30"/>
        <source>Local only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="34"/>
        <source>Not syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qml/SyncIndicator.qml" line="37"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="41"/>
        <source>Syncing… %1 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="42"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="44"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="46"/>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="48"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="71"/>
        <source>The guest data on this computer cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="73"/>
        <source>Your data is kept on this computer only. Sign in to sync it with your other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="75"/>
        <source>Nothing syncs while this account&apos;s data on this computer cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="78"/>
        <source>Last synced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="80"/>
        <source>Not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="83"/>
        <source>Click to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../qml/SyncIndicator.qml" line="151"/>
        <source>· Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagChip</name>
    <message>
        <location filename="../../modules/controls/TagChip.qml" line="47"/>
        <location filename="../../modules/controls/TagChip.qml" line="58"/>
        <source>Remove tag %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="82"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="87"/>
        <source>Close details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="101"/>
        <source>Subtasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="129"/>
        <source>Remove subtask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="137"/>
        <source>Add a subtask and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="147"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="165"/>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="166"/>
        <source>Due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="175"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="179"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="179"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="180"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="180"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="187"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="191"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="198"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="210"/>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="215"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="221"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="221"/>
        <source>At the due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="222"/>
        <source>5 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="222"/>
        <source>15 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="223"/>
        <source>30 minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="223"/>
        <source>1 hour before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="224"/>
        <source>1 day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="235"/>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="241"/>
        <source>Estimated duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="244"/>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="248"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="273"/>
        <source>No labels yet: add one under Labels on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="279"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="286"/>
        <source>Add notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="304"/>
        <source>All fields…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskDetail.qml" line="310"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="117"/>
        <source>Nothing due today. Enjoy the day, or add a task above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="118"/>
        <source>Nothing due in the next 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="119"/>
        <source>Tasks you complete show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="120"/>
        <source>Your inbox is empty. Type a task above and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskList.qml" line="121"/>
        <source>No open tasks here. Add one above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskRow</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="64"/>
        <source>Mark “%1” as not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="65"/>
        <source>Complete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TaskRow.qml" line="110"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeGridView</name>
    <message>
        <location filename="../../modules/calendar/ui/qml/TimeGridView.qml" line="87"/>
        <source>all day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimerDialog</name>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="34"/>
        <source>New timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="42"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="49"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="55"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="77"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="79"/>
        <source>h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="87"/>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="89"/>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="97"/>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="99"/>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimerDialog.qml" line="123"/>
        <source>Label (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimersTab</name>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="40"/>
        <source>Timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="77"/>
        <source>Running · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="78"/>
        <source>Paused · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="79"/>
        <source>Time is up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="86"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="87"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="87"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="94"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="101"/>
        <source>Delete timer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="104"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="129"/>
        <source>No timers yet. A timer counts down and rings when it reaches zero, even after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/TimersTab.qml" line="130"/>
        <source>Add timer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodoIcsDialogs</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="30"/>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="104"/>
        <source>Export tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="30"/>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="90"/>
        <source>Import tasks from an .ics file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="39"/>
        <source>Which tasks? They are written with their subtasks, labels, repetition and reminders to an iCalendar file that Thunderbird, Apple Reminders and Nextcloud Tasks read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="40"/>
        <source>Where do the tasks go? Tasks that were imported before are updated, not doubled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="48"/>
        <source>Tasks to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="48"/>
        <source>Import into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="51"/>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="52"/>
        <source>The projects the file names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="53"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="67"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="67"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="72"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="91"/>
        <source>iCalendar files (*.ics *.ical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="91"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoIcsDialogs.qml" line="107"/>
        <source>iCalendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodoNavigation</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="72"/>
        <source>More for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="97"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="112"/>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="320"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="118"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="125"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="131"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="136"/>
        <source>Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="160"/>
        <source>No projects yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="174"/>
        <source>Hide archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="174"/>
        <source>Show archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="200"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="221"/>
        <source>Boards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="241"/>
        <source>Import .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="250"/>
        <source>Export .ics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="277"/>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="288"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="279"/>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="279"/>
        <source>Unarchive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="282"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="289"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="295"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="296"/>
        <source>Rename project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="309"/>
        <source>New label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoNavigation.qml" line="310"/>
        <source>Rename label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="19"/>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="84"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="84"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="84"/>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="84"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="159"/>
        <source>Add a task for today and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="160"/>
        <source>Add a task for tomorrow and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="161"/>
        <source>Add a task to “%1” and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="162"/>
        <source>Add a task and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/qml/TodoView.qml" line="163"/>
        <source>New task</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../modules/controls/UndoBar.qml" line="53"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorldTab</name>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="39"/>
        <source>Your time · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="92"/>
        <source>summer time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="93"/>
        <source>Unknown time zone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="112"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="120"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="127"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="130"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="141"/>
        <source>No world clocks yet. Add a city to see its time next to yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/WorldTab.qml" line="142"/>
        <source>Add city</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZitareNavigation</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="83"/>
        <source>New list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="86"/>
        <source>New list (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="102"/>
        <source>All quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="108"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="113"/>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="123"/>
        <source>No lists yet. Press + to start one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitareNavigation.qml" line="141"/>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZitarePage</name>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="99"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="102"/>
        <source>All quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="116"/>
        <source>Copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="119"/>
        <source>Saved “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="203"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="211"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="217"/>
        <source>Delete list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="224"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="227"/>
        <source>Save these quotes as a Markdown or text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="241"/>
        <source>Search text, author, work (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="308"/>
        <source>No quote here matches “%1”. Try fewer words, or an author&apos;s or a work&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="310"/>
        <source>No favourites yet. Click the heart beside a quote, or choose one with the arrow keys and press F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="312"/>
        <source>This list is empty. Choose “Add to list” beside any quote to put it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="313"/>
        <source>No quotes here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="362"/>
        <source>New list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="378"/>
        <source>Export the favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="378"/>
        <source>Export a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="381"/>
        <source>Markdown files (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/qml/ZitarePage.qml" line="381"/>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoneSearchDialog</name>
    <message>
        <location filename="../../modules/clock/ui/qml/ZoneSearchDialog.qml" line="29"/>
        <source>Add a city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ZoneSearchDialog.qml" line="41"/>
        <source>Search for a city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/qml/ZoneSearchDialog.qml" line="81"/>
        <source>No city found. Try the English name or a bigger city nearby in the same time zone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana</name>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="73"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="73"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="231"/>
        <source>“%1” cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="249"/>
        <source>“%1” must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="253"/>
        <source>“%1” must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="259"/>
        <source>“%1” must be between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="264"/>
        <source>“%1” must be at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="267"/>
        <source>“%1” must be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="275"/>
        <source>Choose a value for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="283"/>
        <source>“%1” needs a date like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="292"/>
        <source>“%1” needs a date and time like %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="310"/>
        <source>“%1” is not valid JSON (line %2: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/fieldeditorvalue.cpp" line="314"/>
        <source>more than one value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::AuthClient</name>
    <message>
        <location filename="../../app/session/authclient.cpp" line="110"/>
        <source>The server at %1 could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="100"/>
        <source>&quot;%1&quot; is not a server address (http://host:port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="112"/>
        <source>A secure connection to the server at %1 could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="114"/>
        <source>The server at %1 is not a ManaCore sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="108"/>
        <source>Your session has ended. Sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="92"/>
        <source>Wrong email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="94"/>
        <source>That email is already registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="104"/>
        <source>Too many failed attempts. Try again in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="106"/>
        <source>Too many failed attempts. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="97"/>
        <source>The server refused the email or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="119"/>
        <source>The server at %1 had a problem (HTTP %2). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="122"/>
        <source>The server at %1 refused the request (HTTP %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/authclient.cpp" line="125"/>
        <source>no reason given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::DesktopNotifier</name>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="36"/>
        <location filename="../../app/desktopnotifier.cpp" line="44"/>
        <source>Alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="38"/>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="42"/>
        <source>Missed alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="43"/>
        <source>The alarm at %1 rang while ManaCore was closed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="48"/>
        <source>Timer finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/desktopnotifier.cpp" line="48"/>
        <source>Timer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::RecordForm</name>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="229"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="234"/>
        <location filename="../../app/shell/recordform.cpp" line="251"/>
        <location filename="../../app/shell/recordform.cpp" line="312"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="273"/>
        <source>Attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="276"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="276"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="310"/>
        <source>(removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordform.cpp" line="333"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::RecordListModel</name>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="139"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="139"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="166"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="167"/>
        <source>Last changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="38"/>
        <source>The list “%1” is not in this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/recordlistmodel.cpp" line="245"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::SecretStore</name>
    <message>
        <location filename="../../app/session/secretstore.cpp" line="17"/>
        <source>This system has no secure password storage (keychain), so ManaCore cannot remember your sign-in: you will have to sign in again after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::SessionErrorText</name>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="18"/>
        <location filename="../../app/session/sessionerrortext.cpp" line="54"/>
        <source>ManaCore could not find your sign-in for %1. Sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="21"/>
        <source>Signing in was stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="23"/>
        <source>Signing out was stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="25"/>
        <source>Only guest data can be reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="27"/>
        <source>The guest data could not be deleted: %1 cannot be removed. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="31"/>
        <source>A new guest profile could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="34"/>
        <source>Only a damaged account profile can be rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="36"/>
        <source>The damaged file %1 could not be moved aside, so nothing was rebuilt. Check the permissions of its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="40"/>
        <source>A new profile could not be created (the damaged file is kept as %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="52"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="57"/>
        <source>Your session has ended. Sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="59"/>
        <source>This profile is read-only, so it cannot sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="61"/>
        <source>Signing out did not finish, so this account does not sync. Sign out again, or restart ManaCore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="64"/>
        <source>The server at %1 could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="66"/>
        <source>A secure connection to the server at %1 could not be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="68"/>
        <source>The server at %1 is not a ManaCore sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="70"/>
        <source>The server at %1 is not answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="73"/>
        <source>The sync server is busy. ManaCore tries again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="74"/>
        <source>The sync server has a problem (HTTP %1). ManaCore tries again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="79"/>
        <source>The sync server refused the request (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="80"/>
        <source>The sync server refused the request (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="84"/>
        <source>The sync server sent an answer that is not sync data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="86"/>
        <source>The sync server sent an answer larger than %1; it was not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="89"/>
        <source>The sync server sent the same data for %1 again. ManaCore tries again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="94"/>
        <source>The disk is full, so what the server sent could not be saved. Syncing goes on once there is space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="97"/>
        <source>This profile is read-only, so what the server sent could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/session/sessionerrortext.cpp" line="101"/>
        <source>What the server sent could not be saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::ShellContext</name>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="88"/>
        <source>This profile is read-only: you can look at everything, but nothing can be saved. The file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="91"/>
        <source>This profile is read-only: you can look at everything, but nothing can be saved. Its folder %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="124"/>
        <source>The guest data file %1 is damaged, so ManaCore cannot open it. It was left untouched: nothing in it was changed or deleted. Guest data is kept only on this computer, so there is no copy on a server to rebuild it from. Until the file is restored from a backup, the apps stay empty and nothing can be saved; move it out of the folder and restart ManaCore to begin a new guest profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="130"/>
        <source>The file %1, where this computer keeps your account&apos;s data, is damaged, so ManaCore cannot open it. What was synced is safe on the server: ManaCore can move the damaged file aside (it is kept next to the new one, not deleted) and download your data again. Changes made on this computer that had not reached the server yet cannot be recovered from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="142"/>
        <source>This account&apos;s data was rebuilt from the server. The damaged file was kept as %1. Changes that had not reached the server before the damage could not be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="173"/>
        <source>The disk is full, so the last change was not saved. Free some space and try again; everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="176"/>
        <source>The profile can no longer be written, so the last change was not saved. Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="181"/>
        <source>The last change could not be written to the disk. Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="236"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="239"/>
        <source>This app has no list named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="242"/>
        <source>Enter a title first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="251"/>
        <source>Records of this kind need a link to another record; create them in the app itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="256"/>
        <source>Records of this kind have no title field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="279"/>
        <location filename="../../app/shell/shellcontext.cpp" line="292"/>
        <location filename="../../app/shell/shellcontext.cpp" line="303"/>
        <source>No profile is open, so nothing can be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="309"/>
        <source>This can no longer be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="347"/>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/shell/shellcontext.cpp" line="354"/>
        <location filename="../../app/shell/shellcontext.cpp" line="360"/>
        <source>Nothing here yet. Press Ctrl+N to add the first one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::StoreErrorText</name>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="15"/>
        <source>This app has no field “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="17"/>
        <source>“%1” is kept by ManaCore itself and cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="19"/>
        <source>“%1” cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="24"/>
        <source>“%1” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="26"/>
        <source>“%1” must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="28"/>
        <source>“%1” must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="30"/>
        <source>“%1” must be yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="32"/>
        <source>“%1” must be a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="34"/>
        <source>“%1” must be a date and time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="36"/>
        <source>“%1” must be one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="38"/>
        <source>“%1” must point to a record that exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="42"/>
        <source>“%1” has a value of the wrong kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="44"/>
        <source>“%1” must be between −%2 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="46"/>
        <source>A record&apos;s id must be text of 1 to %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="48"/>
        <source>There is nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="50"/>
        <source>This record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="52"/>
        <source>This record was deleted, so it cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="54"/>
        <source>A record with this id already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="56"/>
        <source>The database refused this change, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="58"/>
        <source>This profile is read-only, so the change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="60"/>
        <source>The disk is full, so the change was not saved. Free some space and try again; everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="63"/>
        <source>The change could not be written to the disk. Everything saved before is safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="66"/>
        <source>Another program is using your data right now, so the change was not saved. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="69"/>
        <source>Your data file is damaged, so the change was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="74"/>
        <source>The change could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="81"/>
        <source>Your data file is damaged, so this list cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="83"/>
        <source>Another program is using your data right now, so this list cannot be shown. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="88"/>
        <source>This list could not be read from the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="92"/>
        <source>This list cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="100"/>
        <source>The file %1 is not a ManaCore data file, so it was not opened. It was left untouched; move it away or choose another data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="104"/>
        <source>Your data file %1 is incomplete (%2 of %3 bytes), so it was not opened. It was left untouched; restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="108"/>
        <source>Your data file %1 is damaged, so it was not opened. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="111"/>
        <source>ManaCore may not read or write your data file %1, its folder or the files beside it (-wal, -shm). Check their permissions; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="115"/>
        <source>The folder %1 for your data cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="117"/>
        <source>The folder %1 is read-only, so your data cannot be kept there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="119"/>
        <source>Another program is using your data file %1, so it was not opened. Close that program and start ManaCore again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="123"/>
        <source>The disk is full, so your data file %1 could not be opened. Free some space and start ManaCore again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="127"/>
        <source>Your data file %1 could not be read from the disk. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="130"/>
        <source>Your data file %1 is read-only and was written by an older ManaCore: it must be updated once, which needs write access to the file and its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="134"/>
        <source>Your data file %1 was written by a newer ManaCore, so it was not opened. It was left untouched; update ManaCore to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/shared/storeerrortext.cpp" line="141"/>
        <source>Your data file %1 could not be opened. It was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::calendar::CalendarReminderSource</name>
    <message>
        <location filename="../../modules/calendar/src/calendarreminders.cpp" line="90"/>
        <source>All day, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/calendar/src/calendarreminders.cpp" line="92"/>
        <source>Starts %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::clock::ClockController</name>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="280"/>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="66"/>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="81"/>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="95"/>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="189"/>
        <source>The clock data is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="282"/>
        <source>“%1” is not a time zone this computer knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="349"/>
        <source>in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="351"/>
        <source>in %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="352"/>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="358"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="361"/>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontroller.cpp" line="361"/>
        <source>next %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="20"/>
        <source>Choose a time between 00:00 and 23:59.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="118"/>
        <source>Once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="120"/>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="122"/>
        <source>Weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="124"/>
        <source>Weekends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="141"/>
        <source>snoozed until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/clock/ui/clockcontrolleractions.cpp" line="191"/>
        <source>A timer runs from one second to 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::contacts::ContactEditor</name>
    <message>
        <location filename="../../modules/contacts/ui/contacteditor.cpp" line="246"/>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contacteditor.cpp" line="251"/>
        <source>“%1” is not a date. Write the birthday as 1985-04-12, or --04-12 without a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contacteditor.cpp" line="258"/>
        <source>Give the contact a name, a company, an email or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::contacts::ContactsController</name>
    <message>
        <location filename="../../modules/contacts/ui/contactscontroller.cpp" line="160"/>
        <source>The contacts could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contactscontroller.cpp" line="277"/>
        <source>Unknown export format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contactscontroller.cpp" line="283"/>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::contacts::ContactsImporter</name>
    <message>
        <location filename="../../modules/contacts/ui/contactsimporter.cpp" line="98"/>
        <source>The file could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contactsimporter.cpp" line="111"/>
        <location filename="../../modules/contacts/ui/contactsimporter.cpp" line="222"/>
        <source>No profile is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/contacts/ui/contactsimporter.cpp" line="333"/>
        <source>The contacts could not be saved. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::questions::QuestionsController</name>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="177"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="179"/>
        <source>This question or answer is gone; it may have been deleted on another device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="181"/>
        <source>Type the question first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="183"/>
        <source>Give the collection a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="185"/>
        <source>Write the answer first; sources alone are not an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="187"/>
        <source>That value is not one this field takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="192"/>
        <source>Source %1 has a title but no address. Add its web address or remove the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="196"/>
        <source>Source %1 is not a web address. Use one that starts with https:// or http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="200"/>
        <source>Source %1 has no site in its address. Check it, for example https://example.org/page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="265"/>
        <source>Collection “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="278"/>
        <source>Question “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="341"/>
        <source>Answer accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="347"/>
        <source>Answer no longer accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/questions/ui/questionscontroller.cpp" line="357"/>
        <source>Answer deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::todo::TodoController</name>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="147"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="184"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="269"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="442"/>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="106"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="15"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="71"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="115"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="144"/>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="139"/>
        <source>No profile is open, so nothing can be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="305"/>
        <source>“%1” added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="328"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="384"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="407"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="426"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="484"/>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="111"/>
        <source>This task is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="358"/>
        <source>“%1” completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="399"/>
        <source>This subtask is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="14"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="33"/>
        <source>Give the project a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="74"/>
        <source>Project “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="117"/>
        <source>Label “%1” deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="156"/>
        <source>Label “%1” removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="273"/>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="409"/>
        <source>Enter a title first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todocontroller.cpp" line="482"/>
        <source>This board is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="94"/>
        <location filename="../../modules/todo/ui/todoprojectsandlabels.cpp" line="107"/>
        <source>Give the label a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="97"/>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="99"/>
        <source>Repeats (a rule this app cannot show)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskschedule.cpp" line="143"/>
        <source>Reminder removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="32"/>
        <source>Importing …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="52"/>
        <source>“%1” cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="94"/>
        <source>1 task imported, %1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="95"/>
        <source>%1 tasks imported, %2 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="117"/>
        <source>1 entry that is not a task skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="118"/>
        <source>%1 entries that are not tasks skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="130"/>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="134"/>
        <source>The tasks could not be read for the export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="139"/>
        <source>“%1” was not written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todoicsfiles.cpp" line="142"/>
        <source>Exported to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::todo::TodoReminderSource</name>
    <message>
        <location filename="../../modules/todo/src/todoreminders.cpp" line="112"/>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::todo::TodoTaskModel</name>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="251"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="231"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="256"/>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="229"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="258"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="233"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="248"/>
        <location filename="../../modules/todo/ui/todotaskmodel.cpp" line="260"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mana::zitare::ZitareController</name>
    <message>
        <location filename="../../modules/zitare/ui/zitarecontroller.cpp" line="265"/>
        <location filename="../../modules/zitare/ui/zitarecontroller.cpp" line="278"/>
        <source>Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/zitarecontroller.cpp" line="297"/>
        <source>(A quote that is no longer in Zitare&apos;s collection: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../modules/zitare/ui/zitarecontroller.cpp" line="301"/>
        <source>“%1” could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
