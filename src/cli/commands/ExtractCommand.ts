import {stat} from 'node:fs/promises';
import type {CommandModule} from 'yargs';
import {IngestError, InstallationError, isPipelineError, toError} from '../../errors.js';
import {createInputGuard, type Admission} from '../../ingest/createInputGuard.js';
import {discoverFiles} from '../../ingest/discoverFiles.js';
import {ExtractionPool} from '../../ingest/ExtractionPool.js';
import type {SourceDocument} from '../../ingest/SourceDocument.js';
import {addPipelineFlags, ocrFlag, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {ExitCode} from '../ExitCode.js';
import {commandIndex} from '../commandIndex.js';

export interface ExtractCommand extends ConfigFlags {
	inputs: string[];
	json: boolean;
}

/** A failure's `installation`: precis itself could not extract (see InstallationError), not this file. */
type _Outcome = {ok: true; document: SourceDocument} | {ok: false; path: string; code: string; message: string; installation: boolean};

/** `precis extract <file|dir>...`: the text precis would summarize, as text or JSON (Lines). */
export const ExtractCommand: CommandModule<object, ExtractCommand> = {
	command: commandIndex.extract.command,
	describe: commandIndex.extract.describe,
	builder: argv => addPipelineFlags(argv)
		.positional('inputs', {type: 'string', array: true, demandOption: true, describe: 'Files, folders or globs'})
		.option('json', {type: 'boolean', default: false, describe: 'One JSON object per document (JSON Lines)'})
		.option('timeout', {type: 'number', describe: 'Seconds allowed per document (extract.timeoutSeconds)'})
		.option('ocr', ocrFlag) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags(args);
		const {files: paths, refused} = await discoverFiles(args.inputs, config.discover);
		for (const input of refused) process.stderr.write(`precis: skipped ${input.path} (${input.reason}): ${input.message}\n`);
		const guard = await createInputGuard(args.inputs, config.discover.followSymlinks);
		await using pool = ExtractionPool.fromConfig(config.extract);
		// Every file is admitted before any is queued, then queued largest first, so that no big file
		// starts last while the other processes sit idle. Printed in the order found.
		const admitted = await Promise.all((await _orderLargestFirst(paths)).map(async ([index, path]) => ({index, path, input: await guard.admit(path)})));
		const outcomes: Array<Promise<_Outcome>> = [];
		for (const {index, path, input} of admitted) {
			outcomes[index] = _extractAdmitted(pool, path, input).then(
				(document): _Outcome => ({ok: true, document}),
				(error: unknown): _Outcome => {
					const failure = toError(error);
					return {ok: false, path, code: isPipelineError(failure) ? failure.code : 'E_PARSE_FAILED', message: failure.message, installation: failure instanceof InstallationError};
				},
			);
		}
		let failed = 0;
		let installationFailed = false;
		for (const pending of outcomes) {
			const outcome = await pending;
			if (!outcome.ok) {
				failed++;
				// An installation that cannot extract fails every file alike: said once.
				if (!(outcome.installation && installationFailed)) process.stderr.write(`precis: ${outcome.code}: ${outcome.message}\n`);
				installationFailed ||= outcome.installation;
			}
			process.stdout.write(args.json ? `${JSON.stringify(_toJson(outcome))}\n` : _toText(outcome, paths.length > 1));
		}
		const singleFile = args.inputs.length === 1 && paths.length === 1 && paths[0] === args.inputs[0];
		if (paths.length === 0) process.stderr.write('precis: no documents found under the inputs given\n');
		if (failed > 0) process.exitCode = singleFile || installationFailed ? ExitCode.CouldNotProceed : ExitCode.SomeFailed;
	},
};

/** Extracts `path` if the guard admitted it, holding the file to what it admitted. */
async function _extractAdmitted(pool: ExtractionPool, path: string, input: Admission): Promise<SourceDocument> {
	if (input.kind === 'file') return pool.extract(input.path, input.identity);
	throw new IngestError('E_UNSUPPORTED_FORMAT', path, input.kind === 'refused' ? input.message : `${path} is a folder, not a file`);
}

/** `paths` with their indices, largest file first (a file that cannot be read counts as empty; its reader reports it). */
async function _orderLargestFirst(paths: readonly string[]): Promise<Array<[number, string]>> {
	const sized = await Promise.all(paths.map(async (path, index) => ({index, path, size: await stat(path).then(info => info.size, () => 0)})));
	return sized.sort((left, right) => right.size - left.size).map(({index, path}) => [index, path]);
}

function _toJson(outcome: _Outcome): object {
	if (!outcome.ok) return {path: outcome.path, error: {code: outcome.code, message: outcome.message}};
	const {path, format, sha256, bytes, pages, text, title, warnings} = outcome.document;
	return {path, format, sha256, bytes, pages, text, ...(title === undefined ? {} : {title}), warnings};
}

function _toText(outcome: _Outcome, withHeader: boolean): string {
	if (!outcome.ok) return '';
	const header = withHeader ? `==> ${outcome.document.path} <==\n` : '';
	return `${header}${outcome.document.text}\n${withHeader ? '\n' : ''}`;
}
