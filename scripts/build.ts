/**
 * `npm run build`: compiles src/ into dist/ (tsconfig.build.json) from a clean folder, then copies
 * what tsc does not: the SQL migrations. `bin/precis.js` runs the result.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const dist = join(repoRoot, 'dist');
rmSync(dist, {recursive: true, force: true});
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(repoRoot, 'tsconfig.build.json')], {stdio: 'inherit'});
cpSync(join(repoRoot, 'src', 'store', 'migrations'), join(dist, 'store', 'migrations'), {recursive: true});
