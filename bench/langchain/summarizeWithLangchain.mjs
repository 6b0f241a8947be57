/**
 * LangChain.js's map_reduce summarization chain over documents, with its own loaders and its
 * node-llama-cpp wrapper (LlamaCpp from @langchain/community), for the precis bench. Installed on
 * demand in bench/langchain (never a dependency of precis). Prints one JSON object on stdout.
 * Usage: node summarizeWithLangchain.mjs <model.gguf> <contextSize> <threads> <maxOutputTokens> <file>...
 */
import {loadSummarizationChain} from 'langchain/chains';
import {TextLoader} from 'langchain/document_loaders/fs/text';
import {RecursiveCharacterTextSplitter} from '@langchain/textsplitters';
import {LlamaCpp} from '@langchain/community/llms/llama_cpp';
import {PDFLoader} from '@langchain/community/document_loaders/fs/pdf';
import {DocxLoader} from '@langchain/community/document_loaders/fs/docx';

const [modelPath, contextArg, threadsArg, maxTokensArg, ...files] = process.argv.slice(2);
const contextSize = Number(contextArg);
const maxTokens = Number(maxTokensArg);
const startedAt = performance.now();
const llm = await LlamaCpp.initialize({modelPath, contextSize, threads: Number(threadsArg), batchSize: 512, maxTokens, temperature: 0});
const modelReadyAt = performance.now();
let calls = 0;
const call = llm._call.bind(llm);
llm._call = async (...args) => {
	calls++;
	return call(...args);
};
// Chunks sized with the model's own tokenizer to what one map prompt and its output leave of the context.
const chunkTokens = contextSize - maxTokens - 128;
const countTokens = text => llm._model.tokenize(text).length;
const splitter = new RecursiveCharacterTextSplitter({chunkSize: chunkTokens, chunkOverlap: 0, lengthFunction: countTokens});
const perDocument = [];
for (const file of files) {
	const started = performance.now();
	const loader = file.endsWith('.pdf') ? new PDFLoader(file, {splitPages: false}) : file.endsWith('.docx') ? new DocxLoader(file) : new TextLoader(file);
	const documents = await loader.load();
	const chunks = await splitter.splitDocuments(documents);
	const chain = loadSummarizationChain(llm, {type: 'map_reduce'});
	// The combined prompt must fit the context; LangChain's default is 3,000 tokens.
	chain.maxTokens = chunkTokens;
	const callsBefore = calls;
	const result = await chain.invoke({input_documents: chunks});
	perDocument.push({file, documentTokens: countTokens(documents.map(document => document.pageContent).join('\n\n')), chunks: chunks.length, calls: calls - callsBefore, seconds: (performance.now() - started) / 1000, summaryChars: String(result.text ?? '').length});
}
const meter = llm._session.sequence.tokenMeter;
process.stdout.write(`${JSON.stringify({
	modelLoadSeconds: (modelReadyAt - startedAt) / 1000, runSeconds: (performance.now() - modelReadyAt) / 1000, calls,
	// node-llama-cpp's meter: tokens decoded for prompts (including history re-evaluated after a context shift) and generated.
	evaluatedInputTokens: meter.usedInputTokens, outputTokens: meter.usedOutputTokens, perDocument,
})}\n`);
process.exit(0);
