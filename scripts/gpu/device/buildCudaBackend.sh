#!/usr/bin/env bash
# Builds ggml's CUDA backend, libggml-cuda.so, as node-llama-cpp loads its backends (a dynamic
# backend: GGML_BACKEND_DL), from the llama.cpp sources of node-llama-cpp's own release
# (ggml-src.tar.xz, see packDeviceBundle.ts), for one GPU architecture, against this machine's nvcc
# and a cuBLAS of the same major version: the toolkit's own, or the pip wheels' (nvidia-cublas,
# nvidia-cuda-runtime) of the python3 on the PATH. The cuda-local route then runs it
# (PRECIS_CUDA_BACKEND_DIR=<out-dir>, see src/engine/preloadGpuRoute.ts).
#
#   buildCudaBackend.sh <ggml-src.tar.xz> <work-dir> <out-dir>
#
# Environment: CUDACXX (default: nvcc on the PATH, else /usr/local/cuda/bin/nvcc), CUDA_ARCHITECTURES
# (default 90: H100/H200), BUILD_JOBS (default: all cores), BUILD_TARGETS (default ggml-cuda; a list
# of object files times single kernels), FLASH_ATTENTION (default OFF: the FlashAttention kernels,
# a large share of the build, are compiled empty and llama.cpp's `auto` then runs attention without
# them; ON as node-llama-cpp's prebuilt has them), CUBLAS_INCLUDE / CUBLAS_LIBRARY /
# CUDA_DRIVER_LIBRARY (default: found as below).
set -euo pipefail
src_tar=$1 work=$2 dest=$3
nvcc=${CUDACXX:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
toolkit=$(cd "$(dirname "$nvcc")/.." && pwd)
major=$("$nvcc" --version | sed -n 's/.*release \([0-9]*\)\..*/\1/p')
echo "nvcc: $nvcc (CUDA $major), architectures ${CUDA_ARCHITECTURES:-90}"

# cuBLAS: the toolkit's own first, then pip's nvidia packages (nvidia/cu13/... or nvidia/cublas/...).
pip_roots=$(python3 -c 'import nvidia; print(" ".join(nvidia.__path__))' 2>/dev/null || true)
search=("$toolkit/lib64" "$toolkit/targets/x86_64-linux/lib" "$toolkit/include" "$toolkit/targets/x86_64-linux/include" $pip_roots)
cublas_library=${CUBLAS_LIBRARY:-$(find "${search[@]}" -name "libcublas.so.$major" 2>/dev/null | head -1)}
cublas_include=${CUBLAS_INCLUDE:-$(dirname "$(find "${search[@]}" -name cublas_v2.h 2>/dev/null | head -1)")}
if [[ -z $cublas_library || ! -f $cublas_include/cublas_v2.h ]]; then
	echo "buildCudaBackend: no cuBLAS $major found (library '${cublas_library}', headers '${cublas_include}'): install it, or set CUBLAS_LIBRARY and CUBLAS_INCLUDE" >&2
	exit 2
fi
echo "cuBLAS: $cublas_library, headers $cublas_include"
# libcuda: the toolkit's stub, else the driver's own (ggml links it for virtual memory management).
cuda_driver=${CUDA_DRIVER_LIBRARY:-$(find "$toolkit/lib64/stubs" "$toolkit/targets/x86_64-linux/lib/stubs" -name libcuda.so 2>/dev/null | head -1)}
cuda_driver=${cuda_driver:-$(ldconfig -p | sed -n 's/.*libcuda\.so\.1 .*=> //p' | head -1)}
echo "libcuda: ${cuda_driver:-none found}"

mkdir -p "$work" "$dest"
python3 -m tarfile -e "$src_tar" "$work/src"
cat "$work/src/ggml/LLAMA_CPP_RELEASE"
# ggml as llama.cpp includes it (a subproject, not GGML_STANDALONE, whose pkg-config template the
# release leaves out).
printf 'cmake_minimum_required(VERSION 3.18)\nproject(ggml_cuda_backend C CXX)\nadd_subdirectory(ggml)\n' >"$work/src/CMakeLists.txt"
# The options of node-llama-cpp's prebuilt builds that shape the backend (its llama/CMakeLists.txt and
# compileLLamaCpp.js: GGML_BACKEND_DL, GGML_NATIVE=OFF; llama.cpp turns CUDA graphs on), one
# architecture, and no NCCL (one GPU; its library would be one more dependency to find).
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
	-DGGML_BACKEND_DL=ON -DGGML_NATIVE=OFF -DGGML_CPU=OFF -DGGML_CUDA=ON -DGGML_CUDA_GRAPHS=ON -DGGML_CUDA_NCCL=OFF -DGGML_CUDA_FA="${FLASH_ATTENTION:-OFF}" \
	-DGGML_BUILD_TESTS=OFF -DGGML_BUILD_EXAMPLES=OFF -DCMAKE_CUDA_COMPILER="$nvcc" -DCMAKE_CUDA_ARCHITECTURES="${CUDA_ARCHITECTURES:-90}" \
	-DCUDA_cublas_LIBRARY="$cublas_library" ${cuda_driver:+-DCUDA_cuda_driver_LIBRARY="$cuda_driver"} -DCMAKE_CUDA_FLAGS="-I$cublas_include" -DCMAKE_CXX_FLAGS="-I$cublas_include"
# shellcheck disable=SC2086 # BUILD_TARGETS is a list
cmake --build "$work/build" -j "${BUILD_JOBS:-$(nproc)}" --target ${BUILD_TARGETS:-ggml-cuda}
[[ -n ${BUILD_TARGETS:-} ]] && exit 0
cp "$(find "$work/build" -name libggml-cuda.so | head -1)" "$dest/"
# Its RUNPATH holds the folders of the libcudart and libcublas it was linked with.
readelf -d "$dest/libggml-cuda.so" | grep -E 'NEEDED|RUNPATH' || true
ls -la "$dest/libggml-cuda.so"
