/**
 * Preload (NODE_OPTIONS=--require=...) that makes `@napi-rs/canvas` unresolvable in every process it
 * reaches, as in an installation made with `npm ci --omit=optional`: pdf.js then cannot load.
 */
const Module = require('node:module');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithoutCanvas(request, ...rest) {
	if (request === '@napi-rs/canvas' || request.startsWith('@napi-rs/canvas/')) {
		throw Object.assign(new Error(`Cannot find module '${request}' (hidden by the test)`), {code: 'MODULE_NOT_FOUND'});
	}
	return resolveFilename.call(this, request, ...rest);
};
