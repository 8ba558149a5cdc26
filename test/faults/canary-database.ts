/** n8n's SQLite database read through SQLite itself: every row of every table, as text. */
import { DatabaseSync } from 'node:sqlite';

function cellText(value: unknown): unknown {
	return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : value;
}

/**
 * Rows as JSON lines, one table after the other. Complements the raw-byte search: SQLite may split
 * a long value over overflow pages, and a page header can fall in the middle of a secret.
 */
export function databaseRows(file: string): string {
	const database = new DatabaseSync(file, { readOnly: true });
	try {
		const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
		return tables
			.flatMap(({ name }) =>
				database
					.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
					.all()
					.map((row) => `${name}\t${JSON.stringify(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, cellText(value)])))}`),
			)
			.join('\n');
	} finally {
		database.close();
	}
}
