/** What an operator does about each stored failure code; a code not listed gets a generic hint. */
const _fixes: Readonly<Record<string, string>> = {
	E_UNSUPPORTED_FORMAT: 'Convert the file to PDF, DOCX or plain text, or leave it out of the inputs.',
	E_NO_TEXT: 'The file has no text layer (a scan?) or is empty: run OCR on it, or check that it has content.',
	E_PARSE_FAILED: 'The file is corrupt or truncated: re-export or re-download it, then run again.',
	E_ENCRYPTED: 'Remove the password protection (save an unprotected copy), then run again.',
	E_TOO_LARGE: 'Split the document, or raise the limit named in the message (extract.maxPages, extract.maxTextChars, extract.maxMemoryMb).',
	E_TIMEOUT: 'Raise extract.timeoutSeconds, or check the file: extraction took too long.',
	E_FILE_UNREADABLE: 'Check that the file exists and that precis may read it (permissions, a mounted share).',
	E_PROMPT_TOO_LONG: 'Raise engine.contextSize or lower chunk.maxTokens / summarize.maxOutputTokens.',
	E_GENERATION_FAILED: 'Transient model failure: run again; if it persists, check the model and the engine logs.',
	E_ENGINE_UNAVAILABLE: 'The model server did not answer: check that it runs and is reachable, then run again.',
	E_MODEL_LOAD: 'The model failed to load: check the model file and that it fits in memory.',
	E_MODEL_UNAVAILABLE: 'Download the model (precis models pull) or point --model at a local GGUF file.',
	E_DB_BUSY: 'Another precis process held the database: run again when it has finished.',
	E_INTERRUPTED: 'The run was stopped before this document finished: run again to resume it.',
};

/** The fix a failure code needs, in one sentence, for reports. */
export function describeErrorFix(code: string | null): string {
	return (code !== null && Object.hasOwn(_fixes, code) ? _fixes[code] : undefined)
		?? 'See the error message; run again after fixing the cause.';
}
