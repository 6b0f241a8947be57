/** A command as `precis --help` lists it, and the examples its own `--help` shows. */
export interface CommandEntry {
	command: string;
	describe: string;
	examples: ReadonlyArray<readonly [command: string, description: string]>;
}

/**
 * Every command's usage line, description and examples, in the order `precis --help` lists them.
 * Plain data, so that `precis --help` and shell completion list the commands without loading any
 * command's module (and the engine, SQLite or pdf.js behind it). The command modules read their
 * usage line and description from here.
 */
export const commandIndex = {
	run: {
		command: 'run [inputs..]',
		describe: 'Summarize documents (files, folders, globs; the pipeline\'s inputs when none are given)',
		examples: [
			['$0 run fixtures/samples --model output/models/synthetic-tiny.gguf', 'Summarize the sample documents with the synthetic model into output/precis.db'],
			['$0 run --pipeline nightly', 'Run pipelines/nightly.yaml: its inputs, and a dated CSV and HTML report'],
		],
	},
	watch: {
		command: 'watch [folders..]',
		describe: 'Summarize a folder\'s documents, then follow new and changed files until stopped (the pipeline\'s inputs when none are given)',
		examples: [['$0 watch inbox/ --log-format json', 'Summarize inbox/, then every file that lands there, logging JSON lines']],
	},
	extract: {
		command: 'extract <inputs..>',
		describe: 'Extract the text of PDF, DOCX, text and image files (scans read by OCR)',
		examples: [['$0 extract report.pdf', 'Print the text precis would summarize'], ['$0 extract inbox/ --json', 'One JSON object per document']],
	},
	chunk: {
		command: 'chunk <file>',
		describe: 'Show how a document is split into token-counted chunks',
		examples: [['$0 chunk report.pdf --chunk-tokens 512 --model output/models/synthetic-tiny.gguf', 'The chunks of report.pdf at 512 tokens each']],
	},
	status: {
		command: 'status',
		describe: 'Show documents by status, recent runs and failures',
		examples: [['$0 status', 'Documents by status and recent runs in output/precis.db'], ['$0 status --json', 'The same as one JSON object']],
	},
	export: {
		command: 'export',
		describe: 'Export one record per document (summary, status, tokens) as CSV, JSON or JSONL, or a report to read (HTML, Markdown)',
		examples: [
			['$0 export --format html --out output/report.html', 'A report to open in a browser: search, filters, failures with their fixes'],
			['$0 export --format csv --since 2026-11-27 --out output/week.csv', 'Documents updated since a date, for a spreadsheet'],
			['$0 export --format md --status failed', 'The failures as Markdown, for a chat or an issue'],
		],
	},
	verify: {
		command: 'verify <document>',
		describe: 'Check a summary against its document: statements traced to pages, unsupported facts flagged',
		examples: [
			['$0 verify report.pdf --summary summary.txt', 'Each statement of summary.txt with its pages and support; unsupported numbers, dates and names marked'],
			['$0 export --format json | jq -r \'.[0].summary\' | $0 verify report.pdf --summary - --json', 'Check a summary read from stdin, as JSON'],
		],
	},
	models: {
		command: 'models',
		describe: 'Manage models',
		examples: [['$0 models pull', 'Download the pipeline\'s model into engine.modelsDir, once']],
	},
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof commandIndex;
