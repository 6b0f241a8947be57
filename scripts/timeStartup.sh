#!/usr/bin/env bash
# Start-up time of the CLI: `bash scripts/timeStartup.sh DB [OTHER_CHECKOUT] [ROUNDS]` times
# `node bin/precis.js --help` and `node bin/precis.js status --db DB` in this checkout (and, interleaved,
# in another checkout, such as `git archive BASE | tar -x -C DIR` with node_modules linked), and
# `node -e 0` for scale. Prints the median wall-clock and CPU (user + system) seconds of each, and the load.
set -euo pipefail
db=$1; other=${2:-}; rounds=${3:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp); trap 'rm -f "$out"' EXIT
measure() { # label dir command...
	local label=$1 dir=$2; shift 2
	(cd "$dir" && /usr/bin/time -f "$label %e %U %S" "$@" >/dev/null 2>>"$out.err" || true; tail -1 "$out.err") >> "$out"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$rounds"); do
	for dir in "$here" $other; do
		tag=$([ "$dir" = "$here" ] && echo this || echo other)
		measure "help/$tag" "$dir" node bin/precis.js --help
		measure "status/$tag" "$dir" node bin/precis.js status --db "$db"
	done
	measure "node-e-0" "$here" node -e 0
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
node -e '
const rows = {};
for (const line of require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")) {
	const [label, wall, user, system] = line.split(" ");
	(rows[label] ??= []).push([Number(wall), Number(user) + Number(system)]);
}
const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [label, runs] of Object.entries(rows)) console.log(`${label}: median wall ${median(runs.map(r => r[0])).toFixed(2)} s, CPU ${median(runs.map(r => r[1])).toFixed(2)} s (n=${runs.length})`);
' "$out"
rm -f "$out.err"
