import type { RuleId } from '../catalog';
import type { RuleContext } from '../context';
import { child, select, textOf } from '../document';
import type { UblElement } from '../types';

/** GS1 check digit: weights 3 and 1 alternate from the digit left of the check digit. */
export function isValidGln(value: string): boolean {
	if (!/^[0-9]+$/.test(value)) return false;
	const digits = [...value].map(Number);
	const check = digits.pop()!;
	const weighted = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
	return (10 - (weighted % 10)) % 10 === check;
}

/** Belgian enterprise number (KBO/BCE, scheme 0208): ten digits, the last two are 97 - (first eight mod 97). */
export function isValidBelgianEnterpriseNumber(value: string): boolean {
	if (!/^[0-9]{10}$/.test(value)) return false;
	return 97 - (Number(value.slice(0, 8)) % 97) === Number(value.slice(8));
}

/** Norwegian organisation number (scheme 0192): nine digits, weights 2..7 from the right, mod 11 check digit. */
export function isValidNorwegianOrganisationNumber(value: string): boolean {
	if (!/^[0-9]{9}$/.test(value) || Number(value) <= 0) return false;
	const digits = [...value.slice(0, 8)].map(Number).reverse();
	const weighted = digits.reduce((total, digit, index) => total + digit * ((index % 6) + 2), 0);
	return (11 - (weighted % 11)) % 11 === Number(value[8]);
}

/** Danish CVR (scheme 0184) as the official test reads the raw text: "DK" and eight digits, or eight digits. */
export function isValidDanishCvr(raw: string): boolean {
	return /^DK[0-9]{8}$/.test(raw) || /^[0-9]{8}$/.test(raw);
}

/** Swedish organisation number (scheme 0007): ten digits, the last a Luhn check digit over the first nine. */
export function isValidSwedishOrganisationNumber(value: string): boolean {
	if (!/^[0-9]{10}$/.test(value)) return false;
	const main = [...value.slice(0, 9)].map(Number).reverse();
	const total = main.reduce((sum, digit, index) => sum + (index % 2 === 0 ? ((digit * 2) % 10) + Math.floor((digit * 2) / 10) : digit), 0);
	return (10 - (total % 10)) % 10 === Number(value[9]);
}

/** Australian Business Number (scheme 0151): eleven digits, first digit less one, weighted sum divisible by 89. */
export function isValidAbn(value: string): boolean {
	if (!/^[0-9]{11}$/.test(value)) return false;
	const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
	const digits = [...value].map(Number);
	digits[0] -= 1;
	return digits.reduce((total, digit, index) => total + digit * weights[index], 0) % 89 === 0;
}

/** Danish SE number (ERSTORG, scheme 0198), as the official test reads the raw text: "DK" and eight digits. */
export function isValidDanishSeNumber(raw: string): boolean {
	return /^DK[0-9]{8}$/.test(raw);
}

const DUTCH_VAT = /^NL[0-9]{9}B[0-9]{2}$/;

/**
 * The check of each identifier scheme: `raw` tests read the text as written (the official string()), the others
 * with whitespace normalised. The official rules sit in one pattern, so an identifier meets only its scheme's rule.
 */
const SCHEME_RULES: Readonly<Record<string, { rule: RuleId; valid: (text: string) => boolean; raw?: boolean }>> = {
	'0088': { rule: 'PEPPOL-COMMON-R040', valid: isValidGln },
	'0192': { rule: 'PEPPOL-COMMON-R041', valid: isValidNorwegianOrganisationNumber },
	'0184': { rule: 'PEPPOL-COMMON-R042', valid: isValidDanishCvr, raw: true },
	'0096': { rule: 'PEPPOL-COMMON-R052', valid: (text) => /^[0-9]{10}$/.test(text), raw: true },
	'0198': { rule: 'PEPPOL-COMMON-R053', valid: isValidDanishSeNumber, raw: true },
	'0208': { rule: 'PEPPOL-COMMON-R043', valid: isValidBelgianEnterpriseNumber },
	'0007': { rule: 'PEPPOL-COMMON-R049', valid: isValidSwedishOrganisationNumber },
	'0151': { rule: 'PEPPOL-COMMON-R050', valid: isValidAbn },
	'0106': { rule: 'PEPPOL-COMMON-R054', valid: (text) => /^[0-9]{8}$/.test(text) },
	'0190': { rule: 'PEPPOL-COMMON-R055', valid: (text) => /^[0-9]{20}$/.test(text) },
	'9944': { rule: 'PEPPOL-COMMON-R056-1', valid: (text) => DUTCH_VAT.test(text) },
	'0217': { rule: 'PEPPOL-COMMON-R057', valid: (text) => /^[0-9]{12}$/.test(text) },
};

/** Italian schemes whose official warnings (R044, R045, R047) are not checked here but still take their identifiers. */
const UNCHECKED_SCHEMES = new Set(['0201', '0210', '0211']);

/** Party identifiers that carry a scheme: endpoint, party identification and company IDs. */
function schemedIdentifiers(context: RuleContext): UblElement[] {
	const { doc } = context;
	const identifications = doc.descendants('cac:PartyIdentification').flatMap((entry) => {
		const id = child(entry, 'cbc:ID');
		return id ? [id] : [];
	});
	return [...doc.descendants('cbc:EndpointID'), ...identifications, ...doc.descendants('cbc:CompanyID')];
}

/** Peppol common rules on identifier formats (national schemes with a fixed shape or a check digit). */
export function identifierRules(context: RuleContext): void {
	const checked = new Set<UblElement>();
	for (const element of schemedIdentifiers(context)) {
		const schemeId = element.attributes.schemeID ?? '';
		if (UNCHECKED_SCHEMES.has(schemeId)) checked.add(element);
		const scheme = SCHEME_RULES[schemeId];
		if (!scheme) continue;
		checked.add(element);
		if (!scheme.valid(scheme.raw ? element.text : textOf(element))) context.report(scheme.rule, element);
	}
	// A VAT identifier starting with NL has the Dutch shape, unless its scheme's own rule already took it.
	for (const scheme of context.doc.descendants('cac:PartyTaxScheme')) {
		if (!select(scheme, 'cac:TaxScheme/cbc:ID').some((id) => textOf(id) === 'VAT')) continue;
		for (const companyId of select(scheme, 'cbc:CompanyID')) {
			if (checked.has(companyId) || !textOf(companyId).startsWith('NL')) continue;
			if (!DUTCH_VAT.test(textOf(companyId))) context.report('PEPPOL-COMMON-R056-2', companyId);
		}
	}
}
