#!/usr/bin/env bash
# Captures what a person sees during a long run, from a real terminal: `precis run` over long text
# documents in a detached tmux pane (so precis draws its progress lines), `tmux capture-pane` of it
# at two moments, and `precis status` from another process while the run is live. Writes the
# screens to docs/progress-screen.md (the run is then stopped and its database removed).
#
#   bash scripts/captureProgressScreen.sh [folder] [seconds to first capture] [seconds to second]
#
# Defaults: the shared corpus's text/ folder beside the repository, 60 s, 240 s. It uses the
# project's tiny synthetic model (written to output/models on first use) on one thread.
set -euo pipefail
cd "$(dirname "$0")/.."
inputs=$(realpath "${1:-../shared/corpus/text}")
first=${2:-60}
second=${3:-240}
model=output/models/synthetic-tiny.gguf
out=docs/progress-screen.md
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)" >&2; exit 1; }
[ -f "$model" ] || npm run --silent synthetic-model -- --out "$model" --preset tiny
work=$(mktemp -d)
session="precis-progress-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

run=(node bin/precis.js run "$inputs" --db "$work/precis.db" --model "$model" --threads 1)
tmux new-session -d -s "$session" -x 110 -y 14 "${run[*]}; sleep 3600"
capture() { tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }

sleep "$first"
# status reads the progress the run saved (every 2 s); the screen is captured as soon as it returns.
status=$(node bin/precis.js status --db "$work/precis.db")
screen1=$(capture)
sleep $((second - first))
screen2=$(capture)
tmux send-keys -t "$session" C-c

{
	echo '# What a long run looks like'
	echo
	echo "Captured by \`bash scripts/captureProgressScreen.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (load: $(cut -d' ' -f1-3 /proc/loadavg)):"
	echo "\`precis run\` over $(find "$inputs" -maxdepth 1 -type f | wc -l) files of \`$(basename "$inputs")/\` ($(du -sh "$inputs" | cut -f1)) with the"
	echo "tiny synthetic model on one thread, in a 110x14 tmux pane. The synthetic model writes gibberish up to"
	echo 'its output cap, so the figures show the machinery, not the speed of a real model.'
	echo
	echo "## The run's terminal after ${first} s"
	echo
	echo '```'
	echo "$screen1"
	echo '```'
	echo
	echo "## \`precis status\` in another terminal, just before"
	echo
	echo '```'
	echo "$status"
	echo '```'
	echo
	echo "## The run's terminal after ${second} s"
	echo
	echo '```'
	echo "$screen2"
	echo '```'
} > "$out"
echo "wrote $out"
