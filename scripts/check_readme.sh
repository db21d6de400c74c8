#!/usr/bin/env bash
# The README's two commands, run as a newcomer runs them, in the current virtualenv:
# command 1 (install, ingest the bundled sample data, serve) in the background, then
# command 2 (install what tests need, run the whole suite) while it serves, then both
# installs once more. The server started by command 1 must answer every page after each
# step: neither command may remove files a running server reads.
set -euo pipefail
cd "$(dirname "$0")/.."

# The commands exactly as the README's first sh block prints them, comments dropped.
mapfile -t COMMANDS < <(sed -n '/^```sh/,/^```/p' README.md | grep -E '^(python3|bash) ' | sed -E 's/ +#.*$//')
if [ "${#COMMANDS[@]}" -lt 2 ]; then
  echo "check_readme: the README's first sh block does not hold two commands" >&2
  exit 1
fi
SERVE="${COMMANDS[0]}"
TEST="${COMMANDS[1]}"
PORT=8000  # the port the README tells people to open

LOG="$(mktemp)"
echo "check_readme: command 1: $SERVE"
setsid bash -c "$SERVE" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill -- -$SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT  # the whole group: bash, pip, nianbao serve

pages_answer() {  # every kind of page, with its CSS, a search, an export and a report
  python3 - "$PORT" <<'PY'
import json, sys, urllib.parse, urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as answer:
        return answer.status, answer.read()
paths = ["/", "/static/app.css", "/?q=" + urllib.parse.quote("问题:人手不足"),
         "/export.csv?q=" + urllib.parse.quote("in 2020"), "/api/facets"]
for path in paths:
    status, _ = get(path)
    assert status == 200, (path, status)
_, body = get("/api/search?q=" + urllib.parse.quote("行政处罚 > 10 in 2020"))
hits = json.loads(body)["results"]
assert hits, "the README's first example finds nothing"
status, _ = get(hits[0]["url"])
assert status == 200, (hits[0]["url"], status)
print(f"check_readme: {len(paths) + 2} pages answer 200")
PY
}

for _ in $(seq 1 300); do  # the install and the ingest come first
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=2)" 2>/dev/null; then
    break
  fi
  if ! kill -0 $SERVER 2>/dev/null; then
    echo "check_readme: command 1 stopped before serving:" >&2
    cat "$LOG" >&2
    exit 1
  fi
  sleep 1
done
pages_answer

echo "check_readme: command 2, while command 1 serves: $TEST"
bash -c "$TEST"
pages_answer

echo "check_readme: both installs again, in the other order"
bash -c "${TEST%% && *}"
bash -c "${SERVE%% && *}"
pages_answer
