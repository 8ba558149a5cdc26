import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIRECTORY = join(__dirname, '..', '..', 'fixtures', 'ubl');

/** The twelve OpenPeppol example documents, by file name. */
export const FIXTURE_NAMES = readdirSync(FIXTURE_DIRECTORY)
	.filter((name) => name.endsWith('.xml'))
	.sort();

export function readFixture(name: string): Buffer {
	return readFileSync(join(FIXTURE_DIRECTORY, name));
}
