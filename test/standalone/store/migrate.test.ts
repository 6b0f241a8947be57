import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import {migrate, readMigrations} from '../../../src/store/migrate.js';
import {openStore} from '../../../src/store/Store.js';
import {createTempDatabasePath} from './createTempDatabasePath.js';

test('a new database gets every migration once, in WAL mode, with foreign keys on', t => {
	const file = createTempDatabasePath(t);
	const latest = readMigrations().at(-1)!.version;
	openStore(file).close();

	const db = new Database(file, {readonly: true});
	t.teardown(() => db.close());
	t.is(db.pragma('user_version', {simple: true}), latest);
	t.is(db.pragma('journal_mode', {simple: true}), 'wal');
	const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
	t.deepEqual(tables, ['chunks', 'document_fields', 'documents', 'extracted_texts', 'field_values', 'model_calls', 'refused_inputs', 'runs', 'verifications']);
	const references = db.prepare(`SELECT "table" FROM pragma_foreign_key_list('documents')`).pluck().all();
	t.deepEqual(references, ['runs']);
});

test('reopening a migrated database applies nothing and keeps its data', t => {
	const file = createTempDatabasePath(t);
	const first = openStore(file);
	const runId = first.startRun({pipeline: 'map-reduce', configHash: 'c1'});
	first.close();

	const db = new Database(file);
	t.teardown(() => db.close());
	const result = migrate(db);
	t.is(result.from, result.to);
	t.is(result.from, readMigrations().at(-1)!.version);

	using second = openStore(file);
	t.like(second.getRun(runId), {pipeline: 'map-reduce', configHash: 'c1'});
});

test('migrations run in order, each once, and a database newer than the code is refused', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-migrations-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	writeFileSync(path.join(directory, '0001_first.sql'), 'CREATE TABLE a (x INTEGER);');
	writeFileSync(path.join(directory, '0002_second.sql'), 'INSERT INTO a VALUES (1); ALTER TABLE a ADD COLUMN y TEXT;');
	writeFileSync(path.join(directory, 'notes.txt'), 'not a migration');
	const db = new Database(':memory:');
	t.teardown(() => db.close());

	t.deepEqual(migrate(db, readMigrations(directory)), {from: 0, to: 2});
	t.deepEqual(migrate(db, readMigrations(directory)), {from: 2, to: 2});
	t.is(db.prepare('SELECT count(*) FROM a').pluck().get(), 1);

	t.throws(() => migrate(db, readMigrations(directory).slice(0, 1)), {code: 'E_CONFIG_INVALID', message: /schema version 2, newer/});
});

test('a failing migration leaves the database at the previous version', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-migrations-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	writeFileSync(path.join(directory, '0001_first.sql'), 'CREATE TABLE a (x INTEGER);');
	writeFileSync(path.join(directory, '0002_broken.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);');
	const db = new Database(':memory:');
	t.teardown(() => db.close());

	// SqliteError is not a native Error to AVA, hence `any`.
	t.throws(() => migrate(db, readMigrations(directory)), {any: true, code: 'SQLITE_ERROR', message: /no such table: missing/});
	t.is(db.pragma('user_version', {simple: true}), 1);
	t.is(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'b'`).pluck().get(), 0);
});

test('migration files must be numbered without gaps', t => {
	const directory = mkdtempSync(path.join(tmpdir(), 'precis-migrations-'));
	t.teardown(() => rmSync(directory, {recursive: true, force: true}));
	writeFileSync(path.join(directory, '0001_first.sql'), 'SELECT 1;');
	writeFileSync(path.join(directory, '0003_third.sql'), 'SELECT 1;');
	t.throws(() => readMigrations(directory), {message: /0003_third\.sql .* should be numbered 0002/});
});
