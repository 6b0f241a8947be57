/**
 * Preload (NODE_OPTIONS=--require=...) that makes every extraction process precis starts die at
 * start, as in a broken installation; other processes (node-llama-cpp's binding test) run as usual.
 */
if (/[\\/](?:start)?[eE]xtractionWorker\.(?:mjs|js|ts)$/.test(process.argv[1] ?? '')) throw new Error('a module failed to load (broken by the test)');
