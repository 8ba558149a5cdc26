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
	}
}
