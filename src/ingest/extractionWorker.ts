/**
 * The extraction child process (see ExtractionPool; from source, started by startExtractionWorker.mjs): reads
 * one document per message and answers with the SourceDocument or the error's code and message.
 */
import {isPipelineError, toError} from '../errors.js';
import {readDocument} from './readDocument.js';
import type {ExtractionMessage, ExtractionRequest} from './ExtractionPool.js';
import {keepOcrEngineUntilExit} from './ocr/useOcrEngine.js';

keepOcrEngineUntilExit();

process.on('message', (message: ExtractionRequest) => {
	readDocument(message.path, message.limits, message.identity).then(
		document => _reply({id: message.id, ok: true, document}),
		(thrown: unknown) => {
			const error = toError(thrown);
			const code = isPipelineError(error) ? error.code : 'E_PARSE_FAILED';
			const text = isPipelineError(error) ? error.message : `${message.path} could not be parsed (${error.message}); the file may be corrupt`;
			_reply({id: message.id, ok: false, error: {code, message: text, retryable: isPipelineError(error) ? error.retryable : false}});
		},
	);
});

// Started: from here on, a process that dies is the document's doing, not the installation's.
_reply({ready: true});

function _reply(message: ExtractionMessage): void {
	process.send?.(message);
}
