/**
 * A script, run as a child process by tests: reads the document at its argument in this process
 * (readDocument, default extract settings), writes its pages' texts to stdout as JSON and then does
 * nothing more, so that the process exits only once nothing precis started keeps it alive.
 */
import {DEFAULT_CONFIG} from '../../src/config/defaults.js';
import {readDocument} from '../../src/ingest/readDocument.js';

const [path] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: printDocumentPages.ts <document>');
const document = await readDocument(path, DEFAULT_CONFIG.extract);
process.stdout.write(`${JSON.stringify(document.pages.map(page => page.text))}\n`);
