#!/usr/bin/env bash
# Rehearses the device check here, on the CPU, as the device machine will see it: copies the working
# tree (tracked and untracked-not-ignored files, as the `run` tool sends it) and .device-bundle to a
# scratch folder, and runs runDeviceCheck.sh there with an empty environment (env -i, PATH=/usr/bin:/bin)
# in a private mount namespace whose /usr/bin has no node, npm or npx, so only the carried node can run.
# Needs root (unshare, mount); changes nothing outside the scratch folders.
#
#   bash scripts/gpu/device/simulateDeviceCheck.sh [scratch=/tmp/devsim] [KEY=VALUE for runDeviceCheck.sh...]
set -euo pipefail
scratch=${1:-/tmp/devsim}
shift || true
rm -rf "$scratch" && mkdir -p "$scratch/tree" "$scratch/usr-bin"
git ls-files -co --exclude-standard -z | tar --null -cf - -T - | tar -xf - -C "$scratch/tree"
cp -r .device-bundle "$scratch/tree/"
# shellcheck disable=SC2016 # expanded inside the namespace
unshare -m --propagation private bash -c '
	scratch=$1; shift
	mount --bind /usr/bin "$scratch/usr-bin"
	mount -t tmpfs none /usr/bin
	bin=$scratch/usr-bin
	for tool in "$bin"/*; do
		case ${tool##*/} in node | npm | npx | corepack) ;; *) "$bin/ln" -s "$tool" "/usr/bin/${tool##*/}" ;; esac
	done
	cd "$scratch/tree"
	exec "$bin/env" -i PATH=/usr/bin:/bin HOME="$scratch/home" OUT="$scratch/out" WORK="$scratch/work" GL_PREFIX="$scratch/gl" "$@" \
		bash -c "command -v node && exit 9; echo \"no node on the PATH (\$PATH)\"; bash scripts/gpu/device/runDeviceCheck.sh"
' simulate "$scratch" "$@"
