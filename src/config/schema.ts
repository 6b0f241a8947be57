import {z} from 'zod';

/**
 * The schema of a resolved pipeline configuration. Every option's default lives in
 * `DEFAULT_CONFIG` (defaults.ts); files and flags are merged over it and validated here once.
 */

const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().nonnegative();
/** The formats a report file can be written in (`precis export --format` and `report.format`). */
export const reportFileFormats = ['csv', 'json', 'jsonl', 'html', 'md'] as const;

const promptsSchema = z.object({
	/** System message of every call. */
	system: z.string().min(1),
	/** Summarizes one chunk of a long document. */
	map: z.string().min(1),
	/** Merges several partial summaries into one. */
	collapse: z.string().min(1),
	/** Writes the final summary from the (collapsed) partial summaries, or from a whole short document. */
	reduce: z.string().min(1),
}).strict();

/** A value to extract from every document, as a report column. */
const fieldSchema = z.object({
	/** Column name: a letter, then letters, digits or `_`. */
	name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a name of letters, digits and "_", starting with a letter'),
	/** `date` values are ISO 8601 days; `list` values are lists of short strings. */
	type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'enum', 'list']),
	/** What the value is, told to the model. */
	description: z.string().optional(),
	/** The allowed values of an `enum` field (add `other` to let the model say none fits). */
	values: z.array(z.string().min(1)).optional(),
	/** The model must always give a value; otherwise it may answer null ("not stated"). @default false */
	required: z.boolean().optional(),
}).strict();

const exampleSchema = z.object({
	text: z.string().min(1),
	summary: z.string().min(1),
}).strict();

const ocrSchema = z.object({
	/** `auto` OCRs pages without a usable text layer and image files; `always` every page; `off` none (scans fail with E_NO_TEXT). */
	mode: z.enum(['auto', 'always', 'off']),
	/** Tesseract language codes (`eng`, `fra`, `chi_sim`); each needs its npm package `@tesseract.js-data/<code>`. */
	languages: z.array(z.string().regex(/^[a-z]{3}(?:_[a-z]+)*$/, 'a Tesseract language code such as "eng" or "chi_sim"')).min(1),
	/** Resolution at which PDF pages are rendered for OCR, in dots per inch. */
	dpi: positiveInt.min(72).max(1200),
	/** Most pixels of one page image: larger PDF pages are rendered at a lower resolution, larger image files are refused (E_TOO_LARGE). */
	maxPixels: positiveInt,
}).strict();

export const configSchema = z.object({
	/** Name of the pipeline, recorded with every summary. */
	name: z.string().min(1),
	/** Files, folders or globs to summarize when none are given on the command line. */
	inputs: z.array(z.string().min(1)),
	/** SQLite database holding checkpoints and results. */
	db: z.string().min(1),
	discover: z.object({
		/** File name endings picked up when walking folders (explicit files are always read). Files without an extension are sniffed. */
		extensions: z.array(z.string().regex(/^\.[\w.-]+$/, 'a file ending such as ".pdf"')),
		/** Glob patterns (matched against the path relative to the folder walked) that are never read. */
		ignore: z.array(z.string().min(1)),
		/**
		 * Symbolic links met in folders: `inside` follows those whose target stays within the input folders
		 * (once, without loops), `never` follows none, `always` follows every one. Links not followed are
		 * reported as skipped. A file named on the command line is always read. @default 'inside'
		 */
		followSymlinks: z.enum(['inside', 'never', 'always']),
	}).strict(),
	extract: z.object({
		maxFileBytes: positiveInt,
		maxPages: positiveInt,
		maxTextChars: positiveInt,
		maxUnzippedBytes: positiveInt,
		/** Time limit for extracting one document, in seconds. */
		timeoutSeconds: z.number().positive(),
		/** Peak memory (resident set, MiB) an extraction process may reach before the document is refused. */
		maxMemoryMb: positiveInt,
		/** Extraction processes; 0 means one per CPU core. */
		workers: nonNegativeInt,
		ocr: ocrSchema,
	}).strict(),
	engine: z.object({
		type: z.enum(['local', 'openai']),
		/** GGUF model: a local path, an `hf:` URI or an https URL. */
		model: z.string().min(1),
		/** Where downloaded models are kept. */
		modelsDir: z.string().min(1),
		gpu: z.union([z.enum(['auto', 'cuda', 'vulkan', 'metal']), z.literal(false)]),
		/** CPU threads for inference; 0 means the machine's cores. */
		threads: nonNegativeInt,
		/** Tokens per sequence (prompt plus output); 0 means what the model and memory allow, capped at maxContextSize. */
		contextSize: nonNegativeInt,
		maxContextSize: positiveInt,
		/** Parallel sequences: how many model calls run at once. */
		parallel: positiveInt,
		openai: z.object({
			/** Base URLs of OpenAI-compatible servers, such as http://127.0.0.1:8080/v1. */
			baseUrls: z.array(z.string().url()),
			/** Model name sent to the servers. */
			apiModel: z.string(),
			/** Name of the environment variable holding the API key (empty: no key). */
			apiKeyEnv: z.string(),
			/** GGUF file with the served model's tokenizer and chat template (empty: the model file the servers report in /props, when it is on this machine). */
			tokenizer: z.string(),
			/** Limit of one call in seconds; at most 300, since answers are not streamed and Node's fetch waits no longer. */
			timeoutSeconds: z.number().positive().max(300),
			maxRetries: nonNegativeInt,
			/** Calls in flight per endpoint; 0 means the server's reported slots. */
			concurrencyPerEndpoint: nonNegativeInt,
		}).strict(),
	}).strict(),
	chunk: z.object({
		/** Tokens per chunk; 0 means as large as the context allows after the prompt and the output. */
		maxTokens: nonNegativeInt,
		overlapTokens: nonNegativeInt,
	}).strict(),
	summarize: z.object({
		style: z.enum(['paragraph', 'bullets', 'json']),
		/** Language of the summaries; empty means the document's own language. */
		language: z.string(),
		/** Desired length, in words a person would use ("about 120 words"). */
		length: z.string().min(1),
		/** Most tokens one model call may write. */
		maxOutputTokens: positiveInt,
		temperature: z.number().min(0).max(2),
		seed: nonNegativeInt,
		/** Most collapse levels before the planner cuts partial summaries instead. */
		maxDepth: positiveInt,
		prompts: promptsSchema,
		examples: z.array(exampleSchema),
	}).strict(),
	verify: z.object({
		/** Check every final summary against its source: statements traced to pages, facts looked up (default true). */
		enabled: z.boolean(),
		/** A statement whose support (share of its informative words found in one passage) is under this is unsupported (default 0.4). */
		supportThreshold: z.number().min(0).max(1),
		/** One more model call to correct a summary with unsupported facts; the new one is kept only when it has fewer (default false). */
		repair: z.boolean(),
	}).strict(),
	/** Values extracted from every document, one report column each, in this order. @default [] */
	fields: z.array(fieldSchema),
	/** Questions answered for every document, exported as columns q1, q2, … @default [] */
	questions: z.array(z.string().min(1)),
	report: z.object({
		/**
		 * Report written after a run: one format, or a list of formats written side by side (each file is
		 * `path` with its extension changed to the format's: `.csv`, `.json`, `.jsonl`, `.html`, `.md`).
		 */
		format: z.union([z.enum(['none', ...reportFileFormats]), z.array(z.enum(reportFileFormats)).min(1)]),
		/** Report file written after a run; `{date}` becomes the run's date (YYYY-MM-DD). */
		path: z.string().min(1),
		/** Start CSV reports with a UTF-8 byte order mark (for Excel). */
		bom: z.boolean(),
	}).strict(),
	watch: z.object({
		/** A new or changed file is read once its size and mtime stayed the same this long. */
		stableMs: nonNegativeInt,
		/** How often the watched folders are walked again for files no event announced. */
		rescanMs: positiveInt,
	}).strict(),
	log: z.object({
		format: z.enum(['text', 'json']),
	}).strict(),
}).strict();

export type ResolvedConfig = z.infer<typeof configSchema>;
export type FieldDefinition = ResolvedConfig['fields'][number];
