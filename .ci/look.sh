#!/usr/bin/env bash
# Starts Jobspor on a demo database under Xvfb (1280×800) and saves a
# screenshot after each step; steps are xdotool commands separated by ";;".
#   .ci/look.sh OUT.png DB [STEP ;; STEP ...]
# e.g. .ci/look.sh /tmp/list.png /tmp/demo.db "key ctrl+f ;; type Søren"
set -euo pipefail
out=$1 db=$2; shift 2
steps=${1:-}
export DISPLAY=:77
Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 &
xpid=$!
trap 'kill $apid $xpid 2>/dev/null || true' EXIT
sleep 1
./jobspor --db "$db" >/tmp/look-app.log 2>&1 &
apid=$!
sleep 4
wid=$(xdotool search --name Jobspor | head -1)
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800 2>/dev/null || true
sleep 1
i=0
IFS=$'\n'
for step in $(echo "$steps" | sed 's/ ;; /\n/g'); do
  [ -z "$step" ] && continue
  eval "xdotool $step"
  sleep 1
done
import -window root "$out"
echo "saved $out"
