import type {FileIdentity} from '../ingest/createInputGuard.js';
import {packSourceDocument, unpackSourceDocument} from '../ingest/packSourceDocument.js';
import type {SourceDocument} from '../ingest/SourceDocument.js';
import type {NormalizedText} from '../text/normalizeForMatch.js';
import {withNormalizedText} from '../text/withNormalizedText.js';
import type {DocumentWork} from './DocumentWork.js';

/** A document's extracted text, and whether it came from the store rather than an extraction process. */
export interface ReadSource {
	/** With its text normalized for matching, computed once on first use for the checker and the field evidence alike. */
	document: SourceDocument & {readonly normalized: NormalizedText};
	reused: boolean;
}

/**
 * The extracted document of `file`, whose bytes hashed to `sha256`: the one stored for that content
 * under the run's extraction settings (`keys.textKey`) when there is one, and then no extraction
 * process is asked; otherwise (or with `force`) extracted by the pool and stored for later runs.
 * Counted in the run's tally either way.
 */
export async function readSourceDocument(work: Pick<DocumentWork, 'store' | 'pool' | 'keys' | 'tally' | 'force'>, file: string, content: {sha256: string; identity?: FileIdentity | undefined}): Promise<ReadSource> {
	const {store, keys} = work;
	const stored = work.force ? undefined : store.getExtractedText(content.sha256, keys.textKey);
	if (stored !== undefined) {
		work.tally.countText(true);
		return {document: withNormalizedText(unpackSourceDocument(stored, file, content.sha256)), reused: true};
	}
	const document = await work.pool.extract(file, content.identity);
	store.putExtractedText(document.sha256, keys.textKey, packSourceDocument(document));
	work.tally.countText(false);
	return {document: withNormalizedText(document), reused: false};
}
