import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import { parseUbl } from '../../../lib/ubl/parse';
import { canonicalLines } from './canonical-xml';
import { FIXTURE_DIRECTORY } from './fixtures';

function xmlFilesUnder(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const path = join(directory, entry.name);
		if (entry.isDirectory()) return xmlFilesUnder(path);
		return /\.xml$/i.test(entry.name) ? [path] : [];
	});
}

/** The twelve examples, the other official examples (both copies) and the documents holding the whole Peppol syntax. */
const FILES = [
	...readdirSync(FIXTURE_DIRECTORY).filter((name) => name.endsWith('.xml')),
	...['official-examples', 'peppol-syntax', 'official/peppol', 'official/en16931/examples']
		.flatMap((folder) => xmlFilesUnder(join(FIXTURE_DIRECTORY, folder)))
		.map((path) => relative(FIXTURE_DIRECTORY, path)),
].sort();

describe('official examples through parse → build → parse', () => {
	it('include the OpenPeppol and CEN examples and the whole Peppol syntax', () => {
		expect(FILES.length).toBe(82);
	});

	describe.each(FILES)('%s', (file) => {
		const original = parseUbl(readFileSync(join(FIXTURE_DIRECTORY, file)));
		const rebuilt = parseUbl(buildUbl(original.document));

		it('gives back the same model', () => {
			expect(rebuilt.document).toEqual(original.document);
		});

		it('is rebuilt with the same elements, order, attributes and values, untrimmed', () => {
			expect(canonicalLines(rebuilt.xml)).toEqual(canonicalLines(original.xml));
		});
	});
});
