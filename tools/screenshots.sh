#!/bin/sh
# Regenerates docs/screenshots/*.png from the real manacore binary, rendered
# offscreen (no X server needed), plus the sync-indicator gallery from the
# Qt Quick Test. Usage: tools/screenshots.sh [build-dir]   (default: build)
# Look at every picture after running it.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
APP="$BUILD/app/manacore"
QML_TEST="$BUILD/tests/qml/tst_shell_qml"
OUT="$ROOT/docs/screenshots"

for binary in "$APP" "$QML_TEST"; do
    if [ ! -x "$binary" ]; then
        echo "missing $binary: build the manacore and tst_shell_qml targets first" >&2
        exit 1
    fi
done

export QT_QPA_PLATFORM=offscreen
export QT_LOGGING_RULES="*.info=false;*.debug=false"
WORK=$(mktemp -d)
export XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# shot NAME DATA-DIR ARGS…: one picture; a fresh DATA-DIR is a first start.
shot() {
    name=$1
    data=$2
    shift 2
    "$APP" --data-dir "$WORK/$data" --screenshot "$OUT/$name.png" --screenshot-delay 900 "$@"
    echo "wrote docs/screenshots/$name.png"
}

# matrix NAME DATA-DIR ARGS…: the picture in light and dark, English and
# German (NAME, NAME-dark, NAME-german, NAME-dark-german).
# (sh has no local variables: shot's name and data must not be reused here.)
matrix() {
    picture=$1
    profile=$2
    shift 2
    shot "$picture" "$profile" --language en --theme light "$@"
    shot "$picture-dark" "$profile" --language en --theme dark "$@"
    shot "$picture-german" "$profile" --language de --theme light "$@"
    shot "$picture-dark-german" "$profile" --language de --theme dark "$@"
}

# An unreachable server, so the sign-in picture shows a real error sentence.
UNREACHABLE=http://127.0.0.1:9

shot 01-first-start-welcome first --language en --theme light
shot 02-todo-light seeded --language en --theme light --app todo --no-welcome
shot 03-todo-dark seeded --language en --theme dark --app todo
shot 04-calendar-dark seeded --language en --theme dark --app calendar
shot 05-settings seeded --language en --theme light --app todo --show settings
shot 06-settings-dark seeded --language en --theme dark --app todo --show settings
shot 07-quick-switcher seeded --language en --theme light --app todo --show switcher --switcher-text ca
shot 08-sign-in-error seeded --language en --theme light --app todo --show signin-error --server "$UNREACHABLE"
shot 09-new-record seeded --language en --theme light --app calendar/events --show create
shot 10-german-first-start german --language de --theme light
shot 11-german-dark german --language de --theme dark --app contacts

# Todo with a day's work: tasks due today (one overdue), a project, a label,
# written by a scripted run as a user would (local writes, no server).
# at DAYS HH:MM: local time DAYS days from today, as the store's UTC stamp.
at() { date -u -d "@$(date -d "$(date -d "$1 days" +%F) $2" +%s)" +%Y-%m-%dT%H:%M:%S.000Z; }
"$APP" --data-dir "$WORK/todo" --language en --no-welcome \
    --add-record "todo/projects {\"id\":\"shot-project-home\",\"name\":\"Home\",\"color\":\"#10B981\",\"order\":0}" \
    --add-record "todo/labels {\"id\":\"shot-label-errand\",\"name\":\"errand\",\"color\":\"#F59E0B\"}" \
    --add-record "todo/tasks {\"title\":\"Pay the electricity bill\",\"priority\":\"urgent\",\"dueDate\":\"$(at -1 17:00)\",\"order\":-3}" \
    --add-record "todo/tasks {\"title\":\"Call the plumber\",\"priority\":\"high\",\"projectId\":\"shot-project-home\",\"dueDate\":\"$(at 0 11:30)\",\"order\":-2}" \
    --add-record "todo/tasks {\"title\":\"Water the plants\",\"dueDate\":\"$(at 0 00:00)\",\"recurrenceRule\":\"FREQ=WEEKLY;BYDAY=MO,TH\",\"projectId\":\"shot-project-home\",\"order\":-1,\"subtasks\":[{\"id\":\"s1\",\"title\":\"Fern\",\"isCompleted\":true,\"order\":0},{\"id\":\"s2\",\"title\":\"Basil\",\"isCompleted\":false,\"order\":1}]}" \
    --add-record "todo/tasks {\"title\":\"Book train tickets\",\"priority\":\"low\",\"dueDate\":\"$(at 3 00:00)\"}" \
    >/dev/null
shot 15-todo-today todo --language en --theme light --app todo/today
shot 16-todo-upcoming todo --language en --theme light --app todo/upcoming
shot 17-todo-task-details todo --language en --theme light --app todo/today/first
shot 18-todo-form todo --language en --theme light --app todo/new
shot 19-todo-board todo --language en --theme light --app todo/board
shot 20-todo-today-dark todo --language en --theme dark --app todo/today/first
shot 21-todo-german todo --language de --theme light --app todo/upcoming
shot 69-todo-import todo --language en --theme light --app todo/import
shot 70-todo-export-dark-german todo --language de --theme dark --app todo/export

# Every other module with its seeds, the first record's details open.
n=22
for module in zitare calendar clock cards contacts picture presi inventar nutriphi planta \
    storage chat questions mukke context photos skilltree citycorners; do
    shot "$n-module-$module" seeded --language en --theme light --app "$module/first"
    n=$((n + 1))
done

# Clock (docs/clock.md): its four tabs with a few more alarms, timers (one
# running, one paused) and cities than the seeds, light and dark, English
# and German, and the new-alarm dialog. Silent: no beep while shooting.
ago() { date -u -d "$1" +%Y-%m-%dT%H:%M:%S.000Z; }
"$APP" --data-dir "$WORK/clock" --language en --no-welcome \
    --add-record 'clock/alarms {"label":"Gym","time":"06:30","enabled":true,"repeatDays":[1,3,5],"snoozeMinutes":5}' \
    --add-record 'clock/alarms {"label":"Brunch","time":"10:30","enabled":true,"repeatDays":[0,6]}' \
    --add-record "clock/timers {\"label\":\"Pasta\",\"durationSeconds\":600,\"remainingSeconds\":600,\"status\":\"running\",\"startedAt\":\"$(ago '-3 min')\"}" \
    --add-record "clock/timers {\"label\":\"Laundry\",\"durationSeconds\":3600,\"remainingSeconds\":1520,\"status\":\"paused\",\"pausedAt\":\"$(ago '-1 min')\"}" \
    --add-record 'clock/worldClocks {"timezone":"Europe/London","cityName":"London","sortOrder":2}' \
    --add-record 'clock/worldClocks {"timezone":"Australia/Sydney","cityName":"Sydney","sortOrder":3}' \
    --add-record 'clock/worldClocks {"timezone":"Asia/Kolkata","cityName":"Kolkata","sortOrder":4}' \
    >/dev/null
export MANA_CLOCK_SILENT=1
n=52
for tab in world alarms stopwatch timers; do
    matrix "$n-clock-$tab" clock --app "clock/$tab"
    n=$((n + 1))
done
matrix 56-clock-new-alarm clock --app clock/alarms/new
unset MANA_CLOCK_SILENT

# Calendar (docs/calendar.md): this week with overlapping meetings, a daily
# series, a trip over three days and an evening event, in each view, light
# and dark, English and German, and the new-event dialog.
day() { date -u -d "@$(date -d "$1" +%s)" +%Y-%m-%dT%H:%M:%S.000Z; }
date0() { date -u -d "$1" +%Y-%m-%dT00:00:00.000Z; }
"$APP" --data-dir "$WORK/calendar" --language en --no-welcome \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Team meeting\",\"startDate\":\"$(day 'today 09:00')\",\"endDate\":\"$(day 'today 10:30')\",\"allDay\":false,\"location\":\"Room 4\"}" \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Design review\",\"startDate\":\"$(day 'today 10:00')\",\"endDate\":\"$(day 'today 11:00')\",\"allDay\":false}" \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Stand-up\",\"startDate\":\"$(day 'today -3 days 08:30')\",\"endDate\":\"$(day 'today -3 days 08:45')\",\"allDay\":false,\"recurrenceRule\":\"FREQ=DAILY;COUNT=20\"}" \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Trip to Lisbon\",\"startDate\":\"$(date0 'today +1 day')\",\"endDate\":\"$(date0 'today +4 days')\",\"allDay\":true}" \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Concert\",\"startDate\":\"$(day 'today +2 days 19:30')\",\"endDate\":\"$(day 'today +2 days 22:00')\",\"allDay\":false,\"location\":\"Old Town Hall\"}" \
    --add-record "calendar/events {\"calendarId\":\"seed-calendar-personal\",\"title\":\"Lunch with Sam\",\"startDate\":\"$(day 'today -1 day 12:30')\",\"endDate\":\"$(day 'today -1 day 13:30')\",\"allDay\":false}" \
    >/dev/null
n=60
for view in week month day agenda; do
    matrix "$n-calendar-$view" calendar --app "calendar/$view"
    n=$((n + 1))
done
matrix 64-calendar-new-event calendar --app calendar/new
shot 68-calendar-import calendar --language en --theme light --app calendar/import

# Zitare (docs/zitare.md): the quote of the day over all quotes, and the
# seeded list, light and dark, English and German.
matrix 71-zitare zitare --app zitare
matrix 72-zitare-list zitare --app zitare/list/seed-zitare-inspiration

# ManaDeck (docs/cards.md): the decks with their counts, a study card and the
# deck's cards, light and dark, English and German.
matrix 73-cards cards --app cards
matrix 74-cards-study cards --app cards/study/seed-cards-how-it-works
matrix 75-cards-list cards --app cards/cards/seed-cards-how-it-works

# 100,000 tasks in the Inbox and 100,000 contacts (issue 12): imported into a
# guest profile with --import-records, then each list at its top and, in dark,
# scrolled to its last row (--scroll-to-end saves the picture at the end).
python3 - "$WORK/large.json" <<'PY'
import json, sys
verbs = ["Plan", "Buy", "Call", "Send", "Review", "Clean", "Write", "Read", "Fix", "Prepare", "Email"]
things = ["the budget", "the dentist", "plane tickets", "the kitchen sink", "a birthday present",
          "the quarterly report", "tax documents", "the garden shed", "insurance papers", "a thank-you note"]
first = ["Ada", "Alan", "Barbara", "Dennis", "Edsger", "Émile", "Frances", "Grace", "John", "Jürgen",
         "Ken", "Margaret", "Mary", "Sam", "Søren", "Tim"]
last = ["Allen", "Berners-Lee", "Dijkstra", "Durkheim", "Hamilton", "Kierkegaard", "Lamarr", "Liskov",
        "Lovelace", "McCarthy", "Müller", "Ritchie", "Shelley", "Torvalds", "Turing"]
priorities = ["low", "medium", "high", "urgent"]
tasks = [{"title": "%s %s (#%d)" % (verbs[i % 11], things[(i // 11) % 10], i + 1),
          "priority": priorities[(i * 7) % 4], "order": i + 1} for i in range(100000)]
contacts = [{"firstName": first[(i * 5) % 16], "lastName": last[(i * 3) % 15]} for i in range(100000)]
json.dump({"todo/tasks": tasks, "contacts/contacts": contacts}, open(sys.argv[1], "w"))
PY
"$APP" --data-dir "$WORK/large" --no-welcome --import-records "$WORK/large.json" >/dev/null
shot 40-todo-100000-inbox large --language en --theme light --app todo
"$APP" --data-dir "$WORK/large" --language en --theme dark --app todo \
    --scroll-to-end taskList --screenshot "$OUT/41-todo-100000-inbox-end-dark.png" >/dev/null
echo "wrote docs/screenshots/41-todo-100000-inbox-end-dark.png"
shot 42-contacts-100000 large --language en --theme light --app contacts
"$APP" --data-dir "$WORK/large" --language en --theme dark --app contacts \
    --scroll-to-end recordList --screenshot "$OUT/43-contacts-100000-end-dark.png" >/dev/null
echo "wrote docs/screenshots/43-contacts-100000-end-dark.png"

# Storage the app cannot write (issue 13, docs/single-instance.md): Todo's
# day of work in a profile file made read-only, and with a full disk (a
# file size limit: writes past it fail with EFBIG, which the app reports as
# a full disk) while 12 MiB of tasks are imported. chmod does not bind
# root, so as root the read-only run is made as nobody.
mkdir -p "$WORK/readonly/runtime"
chmod 700 "$WORK/readonly/runtime"
cp -a "$WORK/todo" "$WORK/readonly/data"
chmod 444 "$WORK/readonly/data/guest.sqlite"
readonly_shot() {
    name=$1
    shift
    if [ "$(id -u)" = 0 ]; then
        chown -R 65534:65534 "$WORK/readonly"
        chmod 755 "$WORK"
        setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$WORK/readonly" \
            XDG_RUNTIME_DIR="$WORK/readonly/runtime" "$APP" --data-dir "$WORK/readonly/data" \
            --screenshot "$WORK/readonly/$name.png" --screenshot-delay 900 "$@"
    else
        "$APP" --data-dir "$WORK/readonly/data" --screenshot "$WORK/readonly/$name.png" \
            --screenshot-delay 900 "$@"
    fi
    cp "$WORK/readonly/$name.png" "$OUT/$name.png"
    echo "wrote docs/screenshots/$name.png"
}
readonly_shot 44-read-only-profile --language en --theme light --app todo/today
readonly_shot 45-read-only-profile-dark --language en --theme dark --app todo/today
python3 - "$WORK/full.json" <<'PY'
import json, sys
tasks = [{"title": "Imported task %d" % i, "description": "x" * 2048} for i in range(6000)]
json.dump({"todo/tasks": tasks}, open(sys.argv[1], "w"))
PY
full_shot() {
    name=$1
    shift
    rm -rf "$WORK/full"
    cp -a "$WORK/todo" "$WORK/full"
    # ulimit -f counts 512-byte blocks in sh: room for 2 MiB more.
    blocks=$(( ($(stat -c %s "$WORK/full/guest.sqlite") + 2097152) / 512 ))
    (trap '' XFSZ; ulimit -f "$blocks"; "$APP" --data-dir "$WORK/full" --import-records \
        "$WORK/full.json" --screenshot "$OUT/$name.png" --screenshot-delay 900 "$@") \
        >/dev/null || true # the import fails: that is the picture
    echo "wrote docs/screenshots/$name.png"
}
full_shot 46-disk-full --language en --theme light --app todo/today
full_shot 47-disk-full-dark --language en --theme dark --app todo/today

# damage FILE: 40 KiB of garbage in the middle, as a failing disk leaves it
# (docs/damaged-database.md).
damage() {
    head -c 40960 /dev/zero | tr '\0' Z |
        dd of="$1" bs=4096 seek=$(( $(stat -c %s "$1") / 8192 )) conv=notrunc 2>/dev/null
}
# A damaged guest profile: reported, left untouched, nothing to rebuild from.
cp -a "$WORK/todo" "$WORK/damaged-guest"
damage "$WORK/damaged-guest/guest.sqlite"
shot 50-damaged-guest-profile damaged-guest --language en --theme light --app todo

# Signed in: a real mana-sync on loopback, an account made by a scripted run.
SERVER="$BUILD/server/mana-sync"
if [ -x "$SERVER" ]; then
    PORT=$((34100 + $$ % 800))
    "$SERVER" --port "$PORT" --db "sqlite:$WORK/server.sqlite" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    trap 'kill $SERVER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
    sleep 1
    export MANA_ALLOW_PLAIN_TOKEN_FILE=1 # no keychain here; test-only fallback
    MANA_PASSWORD=screenshot-password "$APP" --data-dir "$WORK/account" \
        --server "http://127.0.0.1:$PORT" --sign-up shots@example.org --quit-when-synced >/dev/null
    shot 12-signed-in-synced account --language en --theme light --app todo
    shot 13-signed-in-settings-dark account --language en --theme dark --app todo --show settings
    # The account's profile damaged: the offer to rebuild it, and after it.
    cp -a "$WORK/account" "$WORK/damaged"
    damage "$WORK/damaged/$(cd "$WORK/damaged" && ls account-*.sqlite)"
    shot 48-damaged-account-profile damaged --language en --theme light --app todo
    shot 49-damaged-account-profile-dark damaged --language en --theme dark --app todo
    "$APP" --data-dir "$WORK/damaged" --screenshot "$OUT/51-damaged-account-rebuilt.png" \
        --screenshot-delay 900 --language en --theme light --app todo \
        --rebuild-damaged-profile --quit-when-synced >/dev/null # prints "kept …"
    echo "wrote docs/screenshots/51-damaged-account-rebuilt.png"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    shot 14-signed-in-offline account --language en --theme light --app calendar
fi

MANA_SCREENSHOT_DIR="$OUT" "$QML_TEST" SyncIndicator::test_gallery >/dev/null
echo "wrote docs/screenshots/sync-states-light.png and sync-states-dark.png"
