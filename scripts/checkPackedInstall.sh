#!/usr/bin/env bash
# `npm run check-install`: checks that precis installs and runs like a published CLI. Packs this checkout
# (npm runs the build through `prepare`), installs the tarball into an empty folder (needs the npm
# registry), then runs the installed `precis`: --version, --help, `run` on fixtures/samples with the
# synthetic model, and `export --format html`. Fails on the first step that does not work.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/precis-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
step() { echo "check-install: $*" >&2; }

step "npm pack"
(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
tarball=$(ls "$work"/precis-*.tgz)
if tar -tzf "$tarball" | grep -E '^package/(src|test|node_modules)/|\.ts$' | grep -v '\.d\.ts$'; then
	step "the package holds sources or tests (listed above)"; exit 1
fi

step "npm install $(basename "$tarball") into an empty folder"
mkdir "$work/app"
cd "$work/app"
echo '{"name": "precis-install-check", "private": true}' > package.json
npm install --no-audit --no-fund --loglevel=error "$tarball"
precis=./node_modules/.bin/precis
if [ -e node_modules/tsx ]; then step "tsx was installed: a TypeScript loader is on the run-time path"; exit 1; fi

step "precis --version, --help"
version=$("$precis" --version)
[ "$version" = "$(node -p "require('$root/package.json').version")" ] || { step "--version printed '$version'"; exit 1; }
"$precis" --help | grep -q 'precis export'
"$precis" run --help | grep -q 'Examples:'

step "precis run on the samples with the synthetic model"
(cd "$root" && npx --no-install tsx scripts/syntheticModel/cli.ts --out "$work/synthetic-tiny.gguf" >/dev/null)
"$precis" run "$root/fixtures/samples" --model "$work/synthetic-tiny.gguf" --threads 1 --db "$work/app/precis.db" --json > run.json
node -e "const r = JSON.parse(require('fs').readFileSync('run.json', 'utf8')); if (r.documents.done !== 3) { console.error('expected 3 documents done:', r); process.exit(1); }"
"$precis" export --db "$work/app/precis.db" --format html --out report.html
[ "$(grep -o '<article class="card' report.html | wc -l)" -eq 3 ] || { step "the HTML report does not have 3 cards"; exit 1; }
"$precis" status --db "$work/app/precis.db" >/dev/null
step "ok: $(basename "$tarball") installs and runs ($(du -k "$tarball" | cut -f1) KiB packed)"
