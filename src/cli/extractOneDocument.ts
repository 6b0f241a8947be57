import type {ResolvedConfig} from '../config/schema.js';
import {ExtractionPool} from '../ingest/ExtractionPool.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';

/** One document, extracted as `precis run` extracts it: in a child process, under the same limits. */
export async function extractOneDocument(path: string, settings: ResolvedConfig['extract']): Promise<SourceDocument> {
	await using pool = ExtractionPool.fromConfig(settings, {workers: 1});
	return await pool.extract(path);
}
