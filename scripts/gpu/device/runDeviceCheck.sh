#!/usr/bin/env bash
# The GPU check of issue 17 on a device machine with no Node.js and no registry (docs/gpu.md,
# "Running the GPU check on a device machine"). Run from the repository root, with the bundle that
# scripts/gpu/device/packDeviceBundle.ts wrote carried along:
#
#   bash scripts/gpu/device/runDeviceCheck.sh
#
# 1. unpacks the carried node and node_modules (python3's tarfile: no xz or Node needed there);
# 2. prints the GPU, driver and nvcc;
# 3. builds ggml's CUDA backend for this machine (buildCudaBackend.sh), within BUILD_SECONDS; a build
#    that fails or runs over drops the cuda-local route with one line saying so;
# 4. runs scripts/gpu/checkGpuRoutes.ts (through the carried tsx) on GPU_ROUTES at GPU_SEQUENCES
#    parallel sequences, then on the CPU at CPU_SEQUENCES over CPU_DOCUMENTS documents (the 1b
#    synthetic model is generated here first), each within its own time limit.
# Everything goes to $OUT: device-check.log, build.log, gpu-check-<routes joined by _>.json (written after every
# route, so a run cut short keeps what it measured).
#
# Environment (defaults): OUT (/tmp/precis-device-out), BUNDLE (.device-bundle), WORK (/tmp/precis-device),
# GPU_ROUTES (cuda-local,vulkan), GPU_SEQUENCES (1,2,4,8), CPU_SEQUENCES (1,2), CPU_DOCUMENTS (1),
# BUILD_SECONDS (330), GPU_SECONDS (170), CPU_SECONDS (60; 0 skips the CPU), GL_PREFIX (/), and buildCudaBackend.sh's
# (CUDACXX, CUDA_ARCHITECTURES...).
set -uo pipefail
# Root's tools (ldconfig) where PATH leaves them out.
export PATH="$PATH:/usr/sbin:/sbin"
repo=$(pwd)
export OUT=${OUT:-/tmp/precis-device-out}
bundle=${BUNDLE:-$repo/.device-bundle}
work=${WORK:-/tmp/precis-device}
gpu_routes=${GPU_ROUTES:-cuda-local,vulkan}
mkdir -p "$OUT" "$work"
exec > >(tee -a "$OUT/device-check.log") 2>&1
started=$SECONDS
step() { echo "== [$((SECONDS - started)) s] $*"; }

step "unpacking node and node_modules from $bundle"
python3 -m tarfile -e "$bundle/node.tar.xz" "$work/bin" && python3 -m tarfile -e "$bundle/modules.tar.xz" "$work" || { echo "runDeviceCheck: the bundle did not unpack: pack it with packDeviceBundle.ts and carry .device-bundle"; exit 1; }
export PATH="$work/bin:$PATH"
# The checkout's node_modules, if any, is a link of the machine that packed it: point it at the bundle's.
if [[ ! -e node_modules || -L node_modules ]]; then ln -sfn "$work/node_modules" node_modules; fi
node --version || exit 1

step "machine"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "nvidia-smi: none"
nproc
(command -v nvcc || ls /usr/local/cuda/bin/nvcc) 2>/dev/null

if [[ $gpu_routes == *vulkan* && -d $bundle/gl ]] && ! ldconfig -p | grep -q libvulkan.so.1; then
	# The Vulkan loader, as the device notes carry it: into / (GL_PREFIX=/, the default, needs root), or
	# into a folder of its own found through LD_LIBRARY_PATH (GL_PREFIX=<folder>: a machine not to change).
	step "Vulkan loader from $bundle/gl into ${GL_PREFIX:-/}"
	for deb in "$bundle"/gl/*.deb; do dpkg -x "$deb" "${GL_PREFIX:-/}"; done
	if [[ ${GL_PREFIX:-/} == / ]]; then ldconfig; else export LD_LIBRARY_PATH="$GL_PREFIX/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"; fi
	icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
	if [[ -f $icd && -z ${VK_DRIVER_FILES:-} ]]; then export VK_DRIVER_FILES=$icd __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json; fi
fi

if [[ $gpu_routes == *cuda-local* ]]; then
	step "building ggml's CUDA backend (at most ${BUILD_SECONDS:-330} s)"
	if timeout "${BUILD_SECONDS:-330}" bash scripts/gpu/device/buildCudaBackend.sh "$bundle/ggml-src.tar.xz" "$work/cuda-build" "$work/cuda-backend" >"$OUT/build.log" 2>&1; then
		export PRECIS_CUDA_BACKEND_DIR="$work/cuda-backend"
		tail -n 12 "$OUT/build.log"
	else
		echo "cuda-local: skipped: the CUDA backend build failed or ran over ${BUILD_SECONDS:-330} s (exit $?); its last lines:"
		tail -n 20 "$OUT/build.log"
		gpu_routes=$(echo "$gpu_routes" | sed 's/cuda-local,\{0,1\}//; s/,$//')
	fi
fi

tsx=(node --import tsx)
step "the 1b synthetic model"
"${tsx[@]}" -e "import('./test/helpers/getSyntheticModel.ts').then(async m => console.log(await m.getSyntheticModel('1b')))"
if [[ -n $gpu_routes ]]; then
	step "routes $gpu_routes at ${GPU_SEQUENCES:-1,2,4,8} sequences (at most ${GPU_SECONDS:-170} s)"
	timeout "${GPU_SECONDS:-170}" "${tsx[@]}" scripts/gpu/checkGpuRoutes.ts "$gpu_routes" "${GPU_SEQUENCES:-1,2,4,8}" 8 >/dev/null || echo "routes $gpu_routes: exit $?"
fi
if [[ ${CPU_SECONDS:-60} != 0 ]]; then
	step "cpu at ${CPU_SEQUENCES:-1,2} sequences over ${CPU_DOCUMENTS:-1} documents (at most ${CPU_SECONDS:-60} s)"
	timeout "${CPU_SECONDS:-60}" "${tsx[@]}" scripts/gpu/checkGpuRoutes.ts cpu "${CPU_SEQUENCES:-1,2}" "${CPU_DOCUMENTS:-1}" >/dev/null || echo "cpu: exit $?"
fi
step "done"
