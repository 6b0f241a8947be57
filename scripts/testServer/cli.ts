/**
 * `npm run test-server -- --model FILE [--port N] [--parallel N] [--context-size N] [--threads N]`:
 * builds llama.cpp's llama-server once (cached in ~/.cache/precis/llama-server/<commit>), starts it
 * on 127.0.0.1 and keeps it in the foreground until Ctrl-C. Prints the base URL for `--base-url`.
 */
import yargs from 'yargs';
import {hideBin} from 'yargs/helpers';
import {startLlamaServer} from './startLlamaServer.js';

const args = await yargs(hideBin(process.argv))
	.option('model', {type: 'string', demandOption: true, describe: 'GGUF model file'})
	.option('port', {type: 'number', default: 0, describe: 'port on 127.0.0.1 (0 picks a free one)'})
	.option('parallel', {type: 'number', default: 1, describe: 'slots: requests served at once'})
	.option('context-size', {type: 'number', default: 2048, describe: 'context per slot (the server gets this times --parallel)'})
	.option('threads', {type: 'number', default: 1, describe: 'CPU threads'})
	.strict()
	.parseAsync();

const server = await startLlamaServer({model: args.model, port: args.port, parallel: args.parallel, contextSize: args.contextSize, threads: args.threads, readyTimeoutMs: 600_000});
process.stdout.write(`llama-server ready: --engine openai --base-url ${server.url} --tokenizer ${args.model}\n`);
server.child.stdout?.pipe(process.stderr);
server.child.stderr?.pipe(process.stderr);
const stop = (): void => {
	void server.stop('SIGTERM').then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
server.child.once('exit', code => process.exit(code ?? 1));
