import {readdirSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {PipelineError} from '../errors.js';

/** Where the numbered `.sql` files live, next to this module. */
const _defaultDirectory = fileURLToPath(new URL('migrations/', import.meta.url));

const _fileName = /^(\d{4})_[\w-]+\.sql$/;

export interface Migration {
	version: number;
	file: string;
	sql: string;
}

export interface MigrateResult {
	/** `user_version` before migrating. */
	from: number;
	/** `user_version` after migrating: the newest migration's number. */
	to: number;
}

/** Reads the migrations `0001_x.sql, 0002_y.sql, …` of a folder; numbers must run 1..N without gaps. */
export function readMigrations(directory: string = _defaultDirectory): Migration[] {
	const migrations = readdirSync(directory)
		.filter(file => _fileName.test(file))
		.sort()
		.map(file => ({
			version: Number(_fileName.exec(file)![1]),
			file,
			sql: readFileSync(path.join(directory, file), 'utf8'),
		}));
	for (const [index, migration] of migrations.entries()) {
		if (migration.version !== index + 1) {
			throw new Error(`migration ${migration.file} in ${directory} should be numbered ${String(index + 1).padStart(4, '0')}: migrations run 0001..N without gaps or duplicates`);
		}
	}
	return migrations;
}

/**
 * Brings a database to the newest schema. Each migration runs in its own IMMEDIATE transaction that
 * re-reads `user_version` first, so two processes opening a fresh file at once apply it only once.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = readMigrations()): MigrateResult {
	const from = _readVersion(db);
	const latest = migrations.at(-1)?.version ?? 0;
	if (from > latest) {
		throw new PipelineError('E_CONFIG_INVALID', `database ${db.name} has schema version ${from}, newer than this precis knows (${latest}): upgrade precis or point it at another database`, {retryable: false});
	}
	for (const migration of migrations) {
		db.transaction(() => {
			if (_readVersion(db) >= migration.version) return;
			db.exec(migration.sql);
			db.pragma(`user_version = ${migration.version}`);
		}).immediate();
	}
	return {from, to: _readVersion(db)};
}

function _readVersion(db: Database.Database): number {
	return db.pragma('user_version', {simple: true}) as number;
}
