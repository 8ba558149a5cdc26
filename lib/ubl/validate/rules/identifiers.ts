import type { RuleContext } from '../context';
import { child, textOf } from '../document';
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

/** Party identifiers that carry a scheme: endpoint, party identification and company IDs. */
function schemedIdentifiers(context: RuleContext): UblElement[] {
	const { doc } = context;
	const identifications = doc.descendants('cac:PartyIdentification').flatMap((entry) => {
		const id = child(entry, 'cbc:ID');
		return id ? [id] : [];
	});
	return [...doc.descendants('cbc:EndpointID'), ...identifications, ...doc.descendants('cbc:CompanyID')];
}

/** Peppol common rules on identifier formats that matter for Belgian and GLN-addressed parties. */
export function identifierRules(context: RuleContext): void {
	for (const element of schemedIdentifiers(context)) {
		const scheme = element.attributes.schemeID;
		if (scheme === '0088' && !isValidGln(textOf(element))) context.report('PEPPOL-COMMON-R040', element);
		if (scheme === '0208' && !isValidBelgianEnterpriseNumber(textOf(element))) context.report('PEPPOL-COMMON-R043', element);
		if (scheme === '0192' && !isValidNorwegianOrganisationNumber(textOf(element))) context.report('PEPPOL-COMMON-R041', element);
		if (scheme === '0184' && !isValidDanishCvr(element.text)) context.report('PEPPOL-COMMON-R042', element);
		if (scheme === '0007' && !isValidSwedishOrganisationNumber(textOf(element))) context.report('PEPPOL-COMMON-R049', element);
		if (scheme === '0151' && !isValidAbn(textOf(element))) context.report('PEPPOL-COMMON-R050', element);
	}
}
