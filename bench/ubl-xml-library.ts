/**
 * Which XML library should lib/ubl parse with? Safety first: each candidate meets hostile inputs
 * (DOCTYPE, entity expansion, external entity, truncation, Latin-1); then speed: the twelve
 * OpenPeppol fixtures parsed N times each, printed as documents per second and as a ratio to the
 * library lib/ubl uses. Run: npx tsx bench/ubl-xml-library.ts [iterations]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { parseXml as parseXmlDocument } from '@rgrove/parse-xml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';

import { parseXml } from '../lib/ubl/xml';

interface SaxStrictParser {
	onerror: (error: Error) => void;
	onopentag: (tag: unknown) => void;
	ontext: (text: string) => void;
	write(chunk: string): SaxStrictParser;
	close(): SaxStrictParser;
}
// sax ships without type declarations; it is here only as a third candidate.
const sax = createRequire(__filename)('sax') as {
	parser(strict: boolean, options: { xmlns: boolean; position: boolean }): SaxStrictParser;
};

const ROUNDS = 5;

type Candidate = { name: string; parse: (input: Buffer) => unknown };

const CANDIDATES: Candidate[] = [
	{ name: 'lib/ubl parseXml (@rgrove/parse-xml + namespaces + UTF-8 check + positions)', parse: (input) => parseXml(input) },
	{ name: '@rgrove/parse-xml 4 (tree only)', parse: (input) => parseXmlDocument(input.toString('utf8')) },
	{
		name: 'saxes 6 (events only)',
		parse: (input) => {
			let elements = 0;
			const parser = new SaxesParser({ xmlns: true });
			parser.on('opentag', () => elements++);
			parser.write(input.toString('utf8')).close();
			return elements;
		},
	},
	{
		name: 'fast-xml-parser 5 (preserveOrder)',
		parse: (input) => {
			const text = input.toString('utf8');
			const valid = XMLValidator.validate(text);
			if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
			return new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(text);
		},
	},
	{
		name: 'sax 1 (strict, xmlns, events only)',
		parse: (input) => {
			let elements = 0;
			const parser = sax.parser(true, { xmlns: true, position: true });
			parser.onerror = (error) => {
				throw error;
			};
			parser.onopentag = () => elements++;
			parser.write(input.toString('utf8')).close();
			return elements;
		},
	},
];

const HOSTILE: Record<string, Buffer> = {
	'DOCTYPE with internal entity': Buffer.from('<!DOCTYPE x [<!ENTITY e "EXPANDED">]><x>&e;</x>'),
	'external entity (/etc/passwd)': Buffer.from('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
	'billion laughs (3 levels)': Buffer.from(
		'<!DOCTYPE x [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;">]><x>&c;</x>',
	),
	'truncated': Buffer.from('<x><y>text</y><z>'),
	'Latin-1 bytes': Buffer.from('<x>caf\xe9</x>', 'latin1'),
};

function verdict(candidate: Candidate, input: Buffer): string {
	try {
		const result = JSON.stringify(candidate.parse(input)) ?? '';
		if (/EXPANDED|lol|root:/.test(result)) return 'EXPANDED';
		return 'accepted';
	} catch (error) {
		const message = String((error as Error).message);
		return /line|\d+:\d+/i.test(message) ? 'refused (position)' : 'refused';
	}
}

function printSafety(): void {
	console.log('Safety (hostile input → outcome)');
	for (const candidate of CANDIDATES) {
		console.log(`  ${candidate.name}`);
		for (const [label, input] of Object.entries(HOSTILE)) console.log(`    ${label.padEnd(32)} ${verdict(candidate, input)}`);
	}
}

function docsPerSecond(candidate: Candidate, fixtures: Buffer[], iterations: number): number {
	for (const fixture of fixtures) candidate.parse(fixture);
	const start = performance.now();
	for (let i = 0; i < iterations; i++) for (const fixture of fixtures) candidate.parse(fixture);
	const seconds = (performance.now() - start) / 1000;
	return (iterations * fixtures.length) / seconds;
}

function main(): void {
	const iterations = Number(process.argv[2] ?? 200);
	const directory = join(__dirname, '..', 'test', 'fixtures', 'ubl');
	const fixtures = readdirSync(directory)
		.filter((name) => name.endsWith('.xml'))
		.map((name) => readFileSync(join(directory, name)));
	printSafety();
	console.log(`\nSpeed: ${fixtures.length} fixtures × ${iterations} iterations, best of ${ROUNDS} interleaved rounds`);
	// Interleaved rounds and the best rate per candidate: other load on a shared machine only slows
	// a round down, so the best round is the closest to the library's own speed.
	const rates = CANDIDATES.map(() => 0);
	for (let round = 0; round < ROUNDS; round++) {
		CANDIDATES.forEach((candidate, index) => {
			rates[index] = Math.max(rates[index], docsPerSecond(candidate, fixtures, Math.ceil(iterations / ROUNDS)));
		});
	}
	CANDIDATES.forEach((candidate, index) => {
		const ratio = rates[index] / rates[0];
		console.log(`  ${candidate.name.padEnd(48)} ${rates[index].toFixed(0).padStart(7)} docs/s  ×${ratio.toFixed(2)}`);
	});
}

main();
