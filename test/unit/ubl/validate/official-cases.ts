import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const OFFICIAL = join(__dirname, '../../../fixtures/ubl/official');

export interface UnitCase {
	/** File and test number, e.g. `Invoice/BR-CL-10.xml #2`. */
	name: string;
	/** The rule the test is about, and whether it must fire (error) or stay silent (success). */
	rule: string;
	fires: boolean;
	xml: string;
}

const TEST = /<test\b[^>]*>([\s\S]*?)<\/test>/g;
const EXPECTATION = /<(success|error)>\s*([^<\s]+)\s*<\/\1>/g;
const DOCUMENT = /<(Invoice|CreditNote)\b[\s\S]*<\/\1>/;

/**
 * The EN16931 UBL unit tests (ConnectingEurope/eInvoicing-EN16931, test/*-unit-UBL): each test holds one document
 * and the rules it must pass (`success`) or fail (`error`).
 */
export function en16931UnitCases(): UnitCase[] {
	const cases: UnitCase[] = [];
	for (const kind of ['Invoice', 'CreditNote']) {
		const dir = join(OFFICIAL, 'en16931/unit', kind);
		for (const file of readdirSync(dir).sort()) {
			const text = readFileSync(join(dir, file), 'utf8');
			let number = 0;
			for (const [, body] of text.matchAll(TEST)) {
				number++;
				const document = DOCUMENT.exec(body);
				if (!document) continue;
				const head = body.slice(0, document.index);
				for (const [, outcome, rule] of head.matchAll(EXPECTATION)) {
					cases.push({ name: `${kind}/${file} #${number}`, rule, fires: outcome === 'error', xml: document[0] });
				}
			}
		}
	}
	return cases;
}
