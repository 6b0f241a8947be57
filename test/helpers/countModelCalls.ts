import Database from 'better-sqlite3';
import {existsSync} from 'node:fs';

/** Model calls committed to a precis database so far (0 while it does not exist yet); safe while a run writes. */
export function countModelCalls(db: string): number {
	if (!existsSync(db)) return 0;
	const database = new Database(db, {readonly: true, fileMustExist: true});
	try {
		return (database.prepare('SELECT count(*) AS n FROM model_calls').get() as {n: number}).n;
	} catch {
		return 0;
	} finally {
		database.close();
	}
}
