/**
 * What the device bundle (packDeviceBundle.ts) carries of node_modules: what precis loads to run
 * .txt documents through `precis run`'s in-process twin (bench/children/runPipeline.ts), not the OCR
 * engine's data or PDF page rendering (loaded only for scans), node-llama-cpp's Linux x64 CPU and
 * CUDA builds (the CUDA one without its libggml-cuda.so: the device builds its own) and, with
 * `vulkan`, its Vulkan build, and tsx to run the TypeScript check.
 */
export function getBundleRoots(vulkan: boolean): string[] {
	return ['node-llama-cpp', 'better-sqlite3', 'yargs', 'p-queue', 'yaml', 'zod', 'pdfjs-dist', 'mammoth', 'fflate', 'iconv-lite', 'chardet', 'stemmer',
		'csv-stringify', 'cli-progress', 'chokidar', 'ky', 'utif2', 'tesseract.js', 'tsx',
		'@node-llama-cpp/linux-x64', '@node-llama-cpp/linux-x64-cuda', ...(vulkan ? ['@node-llama-cpp/linux-x64-vulkan'] : [])];
}

/**
 * Packages the bundle leaves out although a kept one lists them: node-llama-cpp's binaries that are
 * not among `roots`, esbuild's for other platforms, and the PDF renderer and OCR engine's natives and data.
 */
export function isLeftOutOfBundle(name: string, roots: readonly string[]): boolean {
	return (name.startsWith('@node-llama-cpp/') && !roots.includes(name)) || (name.startsWith('@esbuild/') && name !== '@esbuild/linux-x64')
		|| name.startsWith('@napi-rs/canvas') || name === 'tesseract.js-core' || name.startsWith('@tesseract.js-data/');
}

/** Files inside the kept packages that nothing reads at run time (tar --exclude patterns, matched anywhere in a path). */
export const bundleExcludes: readonly string[] = ['*.map', '*.d.ts', '*.d.mts', '*.d.cts', '*.md', 'node_modules/.bin',
	'node-llama-cpp/llama/gitRelease.bundle', 'linux-x64-cuda/bins/linux-x64-cuda/libggml-cuda.so',
	'better-sqlite3/deps', 'better-sqlite3/src', 'better-sqlite3/build/Release/obj*', 'better-sqlite3/build/Release/.deps', 'better-sqlite3/build/Release/test_extension.node',
	'better-sqlite3/build/Release/*.a', 'better-sqlite3/build/deps', 'pdfjs-dist/build', 'pdfjs-dist/web', 'pdfjs-dist/types', 'pdfjs-dist/image_decoders',
	'pdfjs-dist/legacy/web', 'pdfjs-dist/legacy/image_decoders', 'pdfjs-dist/cmaps', 'pdfjs-dist/standard_fonts', 'pdfjs-dist/wasm', 'pdfjs-dist/iccs', 'pdfjs-dist/node_modules'];
