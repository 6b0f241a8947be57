#!/usr/bin/env node
// Runs the compiled CLI in dist/ (plain JavaScript, no TypeScript loader). `npm run build` writes it,
// and npm runs the build itself through `prepare` on `npm ci`, `npm install` and `npm pack`.
try {
	await import('../dist/cli/cli.js');
} catch (error) {
	if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/cli.js')) throw error;
	process.stderr.write('precis: E_USAGE: the compiled CLI (dist/) is missing\nhint: run npm run build in the precis folder\n');
	process.exitCode = 1;
}
