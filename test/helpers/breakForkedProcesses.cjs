/**
 * Preload (NODE_OPTIONS=--require=...) that makes every process started with an IPC channel (as
 * precis's extraction processes are, by fork) die at start, as in a broken installation.
 */
if (typeof process.send === 'function') throw new Error('a module failed to load (broken by the test)');
