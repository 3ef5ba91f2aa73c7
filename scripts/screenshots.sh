#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ of the real client under Xvfb, in Chinese, against a
# throwaway embedded server on 127.0.0.1 (port 18443): the sign-in, the main window with items, the
# editor with attachments and its preview. Needs a dev build (scripts/build.sh dev) and xdotool,
# ImageMagick and fonts-noto-cjk (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xdotool >/dev/null || apt-get install -y -qq xdotool >/dev/null
build=${BAOSONG_BUILD:-build/dev}
server=$build/server/baosong-server
client=$build/app/baosong
out=docs/screenshots
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
data="$work/server"
mkdir -p "$data"
head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$data/admin-password"
"$server" --data "$data" init --password-file "$data/admin-password" >/dev/null
sed -i 's/^port=8443$/port=18443/; s/^port=8444$/port=18444/' "$data/baosong-server.ini"
"$server" --data "$data" import resources/demo-organization.json --passwords-out "$data/pw.tsv" >/dev/null
"$server" --data "$data" serve >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sk https://127.0.0.1:18443/api/v1/health >/dev/null && break; sleep 0.2; done
pw() { awk -F'\t' -v who="$1" '$1 == who { print $2 }' "$data/pw.tsv"; }
api() { curl -s --cacert "$data/server.crt" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "https://127.0.0.1:18443$2" ${3:+-d "$3"}; }
token() { curl -s --cacert "$data/server.crt" https://127.0.0.1:18443/api/v1/session -d "{\"login\":\"$1\",\"password\":\"$(pw "$1")\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }

# A few items of the correspondent he.xiaoyu, some sent into review, one returned.
T=$(token he.xiaoyu); H=$(token zhou.min)
today=$(date +%F)
i=0
for title in "关于2026年第四季度国土空间规划编制进展的通报" "巴中市自然资源和规划局召开耕地保护专题会议" "关于开展不动产登记便民服务月活动的通知" "城区控制性详细规划（草案）公示" "关于地质灾害防治工作的提醒"; do
    i=$((i + 1)); id=$(python3 -c 'import uuid; print(uuid.uuid4())')
    api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"create\",\"item_id\":\"$id\",\"kind\":\"news\",\"unit_id\":\"office\",\"content\":{\"title\":\"$title\",\"body_html\":\"<p>$title。</p>\",\"column_id\":\"bureau_news\",\"info_date\":\"$today\",\"urgent\":$([ $i = 4 ] && echo true || echo false)}}" >/dev/null
    if [ $i -ge 3 ]; then
        api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"submit\",\"item_id\":\"$id\",\"base_revision\":1}" >/dev/null
    fi
    if [ $i = 3 ]; then
        api "$H" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"return\",\"item_id\":\"$id\",\"base_revision\":1,\"stage_id\":\"unit_review\",\"reason\":\"请补充活动时间和地点。\"}" >/dev/null
        returned=$id
    fi
done

# A returned item, revised and submitted again: the unit head sees what changed.
T2=$(token yang.shuting)
api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"edit\",\"item_id\":\"$returned\",\"base_revision\":1,\"content\":{\"title\":\"关于开展不动产登记便民服务月活动的通知\",\"body_html\":\"<p>关于开展不动产登记便民服务月活动的通知。活动时间：12月1日至12月31日；地点：市政务服务中心二楼不动产登记窗口。</p>\",\"column_id\":\"bureau_news\",\"info_date\":\"$today\"}}" >/dev/null
api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"submit\",\"item_id\":\"$returned\",\"base_revision\":2}" >/dev/null

export DISPLAY=:97
Xvfb :97 -screen 0 1440x900x24 >/dev/null 2>&1 &
sleep 1
profile="$work/profile"
LANG=zh_CN.UTF-8 "$client" --lang zh_CN --profile "$profile" --server 127.0.0.1:18443 \
    --trust-certificate "$data/server.crt" --login he.xiaoyu >"$work/client.log" 2>&1 &
sleep 3
import -window root "$out/sign-in-zh.png"
xdotool type --delay 20 "$(pw he.xiaoyu)"
xdotool key Return
sleep 4
for w in $(xdotool search --onlyvisible --class baosong); do xdotool windowsize "$w" 1440 900 2>/dev/null || true; done
sleep 1
import -window root "$out/main-window-zh.png"

# The editor: a new draft with a title, a body, two attachments (through "Add files…") and the preview.
printf '%%PDF-1.4\n%% plan\n' > "$work/plan-map.pdf"
convert -size 640x400 xc:'#dfe8f1' -fill '#2d5b8a' -draw 'rectangle 60,60 580,340' "$work/site-photo.png"
# The client's top-level windows by title (no window manager runs here).
window_named() { for w in $(xdotool search --onlyvisible --class baosong); do
    xdotool getwindowname "$w" | grep -q "$1" && { echo "$w"; return; }; done; }
main=$(window_named "报送 — ")
xdotool windowfocus --sync "$main"
xdotool key ctrl+n
sleep 2
editor=$(window_named "新建草稿")
xdotool windowmove "$editor" 0 0 windowsize "$editor" 1440 900 windowfocus --sync "$editor"
sleep 1
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.5; }
click 470 33                                  # the title
xdotool type --delay 40 "城区控制性详细规划（草案）公示"
click 400 400                                 # the body
xdotool type --delay 40 "根据《中华人民共和国城乡规划法》，现将城区控制性详细规划草案予以公示，公示期三十日。"
xdotool key Return
xdotool type --delay 40 "公示地点：市政务服务中心一楼大厅。"
click 234 181                                 # the information date: today
for f in plan-map.pdf site-photo.png; do
    click 62 803                              # Add files…
    sleep 1
    xdotool type --delay 20 "$work/$f"
    xdotool key Return
    sleep 2
done
click 470 33
sleep 4                                       # autosave, preview
import -window root "$out/editor-zh.png"
# The same editor on a 1366×768 screen: every button stays on it.
xdotool windowsize "$editor" 1366 768
sleep 2
import -window root -crop 1366x768+0+0 +repage "$out/editor-1366-zh.png"
# The server goes away; the correspondent goes on writing and closes the editor: the list shows the
# draft as waiting to be sent (待发送), nothing is lost. Then the server comes back.
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
click 400 330                                 # the body, at its end
xdotool key ctrl+End
xdotool type --delay 40 "（离线时补充）"
xdotool key Escape
sleep 3
import -window root "$out/unsent-zh.png"
"$server" --data "$data" serve >>"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sk https://127.0.0.1:18443/api/v1/health >/dev/null && break; sleep 0.2; done
# Close the correspondent's client, then the unit head's queue and review pane.
pkill -f -- "--profile $profile " || true
sleep 2
LANG=zh_CN.UTF-8 "$client" --lang zh_CN --profile "$work/head" --server 127.0.0.1:18443 \
    --trust-certificate "$data/server.crt" --login zhou.min >"$work/head.log" 2>&1 &
sleep 3
xdotool type --delay 20 "$(pw zhou.min)"
xdotool key Return
sleep 5
main=$(window_named "报送 — ")
xdotool windowmove "$main" 0 0 windowsize "$main" 1440 900 windowfocus --sync "$main"
sleep 1
click 60 123                                  # "Waiting for me"
sleep 1
click 400 127                                 # the first item of the queue
sleep 3
import -window root "$out/queue-review-zh.png"
xdotool key j j                               # the item revised after its return (J: next item; the last)
sleep 2
xdotool key alt+g                             # its changes (修改内容(&G))
sleep 2
import -window root "$out/review-diff-zh.png"
xdotool key alt+d                             # the approval slip as PDF (将审签单导出为 PDF(&D))
sleep 2
xdotool type --delay 20 "$work/slip.pdf"
xdotool key Return
sleep 3
if [ -f "$work/slip.pdf" ]; then
    pdftoppm -png -r 80 -singlefile "$work/slip.pdf" "$work/slip"
    cp "$work/slip.png" "$out/approval-slip-zh.png"
fi
# News while the window is open: the correspondent submits another item; the notice channel brings
# it to the unit head's window at once, with the notice above the list.
id=$(python3 -c 'import uuid; print(uuid.uuid4())')
api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"create\",\"item_id\":\"$id\",\"kind\":\"news\",\"unit_id\":\"office\",\"content\":{\"title\":\"关于汛期值班安排的通知\",\"body_html\":\"<p>汛期值班安排。</p>\",\"column_id\":\"bureau_news\",\"info_date\":\"$today\",\"urgent\":true}}" >/dev/null
api "$T" /api/v1/actions "{\"action_id\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\",\"action\":\"submit\",\"item_id\":\"$id\",\"base_revision\":1}" >/dev/null
sleep 3
import -window root "$out/notice-banner-zh.png"
# The unit head's window on a 1366×768 screen.
xdotool windowsize "$main" 1366 768
sleep 2
import -window root -crop 1366x768+0+0 +repage "$out/queue-review-1366-zh.png"
# The public site as an inspector sees it (#21): desktop, 200 % zoom, phone, 关怀版 — in headless
# Chromium, by the site test that checks them (docs/screenshots/site-*.png).
BAOSONG_SCREENSHOTS="$PWD/$out" QT_QPA_PLATFORM=offscreen "$build/tests/tst_server_site" \
    inspectionScreenshots:sqlite >"$work/site-screenshots.log" 2>&1 || echo "site screenshots failed: $work/site-screenshots.log"
echo "screenshots: written to $out (client log: $work/client.log)"
