/**
 * Dev-only cross-check, not part of CI: runs the official schematron of a release (compiled to XSLT with SaxonJS)
 * and our pre-validator on the seeded mutation suite, the documents with huge or many-decimal amounts and the
 * official examples, and reports how often they agree.
 *
 *   npx tsx scripts/ubl-official-crosscheck.ts <release> <CEN-EN16931-UBL.sch> <PEPPOL-EN16931-UBL.sch>
 *
 * The schematron files come from the official repositories (OpenPEPPOL/peppol-bis-invoice-3 rules/sch; for release
 * 2026.5, whose files that repository did not yet hold, the published copy in phax/phive-rules
 * `rule-source/openpeppol/2026.5`); they are read from where they are, never copied into this repository. National
 * rules (DE, DK, GR, …) are left out.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { isRuleRelease, validateUbl } from '../lib/ubl/validate';
import { amountInvoice, largeAmountCases } from '../test/support/ubl/large-amounts';
import { mutationSuite } from '../test/support/ubl/mutations';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SaxonJS = require('saxon-js') as { transform(options: object, mode: 'sync'): { principalResult: string } };

const NATIONAL = /^(DE|DK|GR|IS|IT|NL|NO|SE|SK)-/;
const XSLT3 = join(__dirname, '../node_modules/.bin/xslt3');

function compile(schematron: string, work: string, name: string): object {
	const xsl = join(work, `${name}.xsl`);
	const sef = join(work, `${name}.sef.json`);
	execFileSync(XSLT3, [`-xsl:${join(__dirname, 'schematron-to-xslt.xsl')}`, `-s:${schematron}`, `-o:${xsl}`]);
	execFileSync(XSLT3, [`-xsl:${xsl}`, `-export:${sef}`, '-nogo', '-relocate:on']);
	return JSON.parse(readFileSync(sef, 'utf8')) as object;
}

/** Fatal ids the official rules report, or undefined when the official transformation stops on the document. */
function official(stylesheets: object[], xml: string): Set<string> | undefined {
	const ids = new Set<string>();
	for (const stylesheet of stylesheets) {
		try {
			const result = SaxonJS.transform({ stylesheetInternal: stylesheet, sourceText: xml, destination: 'serialized' }, 'sync');
			for (const [, id, flag] of result.principalResult.matchAll(/<failed id="([^"]+)" flag="([^"]+)"/g)) {
				if (flag === 'fatal' && !NATIONAL.test(id)) ids.add(id);
			}
		} catch {
			return undefined;
		}
	}
	return ids;
}

function main(): void {
	const [release, cen, peppol] = process.argv.slice(2);
	if (!isRuleRelease(release) || !cen || !peppol) {
		console.error('usage: npx tsx scripts/ubl-official-crosscheck.ts <release> <CEN-EN16931-UBL.sch> <PEPPOL-EN16931-UBL.sch>');
		process.exit(2);
	}
	const work = mkdtempSync(join(tmpdir(), 'ubl-crosscheck-'));
	const stylesheets = [compile(cen, work, 'cen'), compile(peppol, work, 'peppol')];
	const fixtures = join(__dirname, '../test/fixtures/ubl');
	const examples = [fixtures, join(fixtures, 'official/peppol/snippets'), join(fixtures, 'official/peppol/national'), join(fixtures, 'official/en16931/examples')].flatMap(
		(dir) => readdirSync(dir).filter((file) => /\.xml$/i.test(file)).map((file) => ({ name: file, xml: readFileSync(join(dir, file), 'utf8') })),
	);
	const generated = [
		...mutationSuite(520).map(({ name, xml }) => ({ name, xml })),
		...largeAmountCases(120).map(({ name, document }) => ({ name, xml: amountInvoice(document) })),
	];
	const documents = [...generated, ...examples];
	let sameIds = 0;
	let sameVerdict = 0;
	let engineStops = 0;
	for (const { name, xml } of documents) {
		const theirs = official(stylesheets, xml);
		const ours = new Set(validateUbl(xml, { release }).errors.map((issue) => issue.rule));
		if (theirs === undefined) {
			engineStops++;
			if (ours.size > 0) sameVerdict++;
			else console.log(`${name}: the official transformation stops (a rejection), ours finds no error`);
			continue;
		}
		if ((theirs.size === 0) === (ours.size === 0)) sameVerdict++;
		const missing = [...theirs].filter((id) => !ours.has(id));
		const extra = [...ours].filter((id) => !theirs.has(id));
		if (missing.length === 0 && extra.length === 0) sameIds++;
		else console.log(`${name}: official only ${missing.join(' ') || '-'}; ours only ${extra.join(' ') || '-'}`);
	}
	const compared = documents.length - engineStops;
	console.log(`${documents.length} documents (${generated.length} generated: 520 mutations and 120 with huge or many-decimal amounts; ${examples.length} examples), release ${release}`);
	console.log(`same verdict: ${sameVerdict}/${documents.length}; same fatal ids: ${sameIds}/${compared} (${engineStops} stop the official transformation)`);
}

main();
