import {readFile} from 'node:fs/promises';
import {text} from 'node:stream/consumers';
import type {CommandModule} from 'yargs';
import {PipelineError} from '../../errors.js';
import {indexSource} from '../../verify/indexSource.js';
import type {Citation, VerificationResult} from '../../verify/VerificationResult.js';
import {verifySummary} from '../../verify/verifySummary.js';
import {addPipelineFlags, resolveConfigFromFlags, type ConfigFlags} from '../configFlags.js';
import {ExitCode} from '../ExitCode.js';
import {extractOneDocument} from '../extractOneDocument.js';
import {commandIndex} from '../commandIndex.js';

export interface VerifyCommand extends Pick<ConfigFlags, 'config' | 'pipeline' | 'timeout'> {
	document: string;
	summary: string;
	json: boolean;
}

/**
 * `precis verify <document> --summary <file|->`: checks any summary against a document, extracted
 * the usual way, without a model. Exit 0 when nothing needs review, 2 when something does, 1 when
 * the check cannot run.
 */
export const VerifyCommand: CommandModule<object, VerifyCommand> = {
	command: commandIndex.verify.command,
	describe: commandIndex.verify.describe,
	builder: argv => addPipelineFlags(argv)
		.positional('document', {type: 'string', demandOption: true, describe: 'PDF, DOCX or text file the summary is of'})
		.option('summary', {type: 'string', demandOption: true, requiresArg: true, describe: 'File holding the summary, or - to read it from stdin'})
		.option('json', {type: 'boolean', default: false, describe: 'Print one JSON object: needs_review, citations, unsupported_facts'})
		.option('timeout', {type: 'number', describe: 'Seconds allowed to extract the document (extract.timeoutSeconds)'}) as never,
	async handler(args) {
		const {config} = resolveConfigFromFlags({config: args.config, pipeline: args.pipeline, timeout: args.timeout});
		const summary = await _readSummary(args.summary);
		const document = await extractOneDocument(args.document, config.extract);
		const result = verifySummary(summary, indexSource(document.text, document.pageStarts), {supportThreshold: config.verify.supportThreshold});
		process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : _formatText(args.document, result, config.verify.supportThreshold));
		process.exitCode = result.needs_review ? ExitCode.SomeFailed : ExitCode.Ok;
	},
};

async function _readSummary(source: string): Promise<string> {
	try {
		return source === '-' ? await text(process.stdin) : await readFile(source, 'utf8');
	} catch (error) {
		throw new PipelineError('E_FILE_UNREADABLE', `cannot read the summary ${source}: ${(error as Error).message}`, {
			cause: error, retryable: false, hint: 'pass --summary FILE with the summary text, or --summary - to read it from stdin',
		});
	}
}

/** Each statement with its pages and support, unsupported facts marked under it; a verdict first. */
function _formatText(path: string, result: VerificationResult, threshold: number): string {
	const weak = result.citations.filter(citation => citation.support < threshold).length;
	const verdict = result.citations.length === 0
		? 'needs review: the summary has no statement to check'
		: result.needs_review ? `needs review: ${result.unsupported_facts.length} unsupported fact(s), ${weak} statement(s) under support ${threshold}` : 'every statement supported';
	const lines = [`${path}: ${verdict}`];
	for (const citation of result.citations) {
		const mark = citation.support < threshold ? '?' : ' ';
		lines.push(`${mark} ${_formatPlace(citation).padEnd(14)} ${citation.support.toFixed(2)}  ${citation.text.replaceAll(/\s+/gu, ' ')}`);
		for (const fact of result.unsupported_facts.filter(unsupported => unsupported.statement === citation.text)) {
			lines.push(`  ${''.padEnd(14)}       ✗ ${fact.kind} not in the source: ${fact.text}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

function _formatPlace(citation: Citation): string {
	if (citation.pages.length === 0) return '-';
	if (citation.lines !== undefined) return `lines ${citation.lines[0]}-${citation.lines[1]}`;
	return `p. ${citation.pages.join(', ')}`;
}
