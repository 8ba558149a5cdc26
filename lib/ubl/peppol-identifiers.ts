import type { Identifier } from './model';

/** EAS codes for VAT numbers per country prefix (Peppol electronic address schemes). */
const VAT_ENDPOINT_SCHEMES: Record<string, string> = {
	AT: '9914',
	BE: '9925',
	DE: '9930',
	ES: '9920',
	FR: '9957',
	IE: '9935',
	IT: '0211',
	LU: '9938',
	NL: '9944',
	PL: '9945',
	PT: '9946',
};

export const SCHEME_BELGIAN_COMPANY_NUMBER = '0208';
export const SCHEME_GLN = '0088';

/** Billit identifier types that name a scheme without giving its code. */
const IDENTIFIER_TYPE_SCHEMES: Record<string, string> = {
	GLN: SCHEME_GLN,
	KBO: SCHEME_BELGIAN_COMPANY_NUMBER,
	CBE: SCHEME_BELGIAN_COMPANY_NUMBER,
	BCE: SCHEME_BELGIAN_COMPANY_NUMBER,
	COMPANYNUMBER: SCHEME_BELGIAN_COMPANY_NUMBER,
};

/** `BE 0123.456.789` → `BE0123456789`; a Belgian number with nine digits gets its leading zero. */
export function normaliseVatNumber(vat: string): string {
	const compact = vat.replace(/[\s.\-/]/g, '').toUpperCase();
	return /^BE\d{9}$/.test(compact) ? `BE0${compact.slice(2)}` : compact;
}

/** The Belgian enterprise number (KBO/BCE, scheme 0208) inside a Belgian VAT number. */
export function belgianCompanyNumber(vat: string | undefined): string | undefined {
	if (!vat) return undefined;
	const normalised = normaliseVatNumber(vat);
	return /^BE[01]\d{9}$/.test(normalised) ? normalised.slice(2) : undefined;
}

export function vatEndpoint(vat: string | undefined): Identifier | undefined {
	if (!vat) return undefined;
	const normalised = normaliseVatNumber(vat);
	const schemeId = VAT_ENDPOINT_SCHEMES[normalised.slice(0, 2)];
	return schemeId ? { id: normalised, schemeId } : undefined;
}

/** `0208:0123456789` → `{ schemeId: '0208', id: '0123456789' }`; undefined without a four-digit scheme. */
export function parsePeppolIdentifier(value: string | undefined): Identifier | undefined {
	const match = /^(?:iso6523-actorid-upis::)?(\d{4}):(.+)$/.exec(value?.trim() ?? '');
	return match ? { schemeId: match[1], id: match[2].trim() } : undefined;
}

/** The scheme code of a Billit party identifier: its SchemeID, else one derived from its type. */
export function schemeOfIdentifierType(schemeId: string | undefined, type: string | undefined): string | undefined {
	if (schemeId && /^\d{4}$/.test(schemeId)) return schemeId;
	const key = (type ?? '').replace(/[\s_-]/g, '').toUpperCase();
	return IDENTIFIER_TYPE_SCHEMES[key];
}
