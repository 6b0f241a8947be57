import test from 'ava';
import {spawn} from 'node:child_process';

const guardModule = new URL('../../../src/cli/guardUnfinishedCommand.ts', import.meta.url).href;

async function runAlone(code: string): Promise<{code: number | null; stderr: string}> {
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const {guardUnfinishedCommand} = await import(${JSON.stringify(guardModule)});\n${code}`], {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (data: string) => { stderr += data; });
	return new Promise(resolve => child.on('close', exitCode => resolve({code: exitCode, stderr})));
}

test('a command that stops awaiting with nothing left to wait for ends with exit code 1 and says so', async t => {
	// A promise nothing will ever settle: the event loop empties while the command awaits it.
	const result = await runAlone('const finished = guardUnfinishedCommand(); await new Promise(() => undefined); finished();');
	t.is(result.code, 1);
	t.regex(result.stderr, /stopped before it finished/);
});

test('a command that finishes keeps its own exit code', async t => {
	t.is((await runAlone('const finished = guardUnfinishedCommand(); await new Promise(resolve => setTimeout(resolve, 10)); finished();')).code, 0);
	t.is((await runAlone('const finished = guardUnfinishedCommand(); process.exitCode = 2; finished();')).code, 2);
	const exited = await runAlone('guardUnfinishedCommand(); process.exit(130);');
	t.is(exited.code, 130, 'an exit with a code of its own (a second Ctrl-C) is left alone');
	t.is(exited.stderr, '');
});
