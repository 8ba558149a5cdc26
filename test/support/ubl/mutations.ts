import { FIXTURE_NAMES, fixture, type FixtureName } from './peppol-examples';

/** One generated document: what was changed, and the ids the rules' text makes it break. */
export interface Mutation {
	name: string;
	xml: string;
	/** Rules the change breaks by the rules' own text: all of them must fire. */
	breaks: string[];
	/** Rules that may fire as well, because the changed value feeds them (sums, dates, duplicates). */
	mayAlsoBreak: RegExp;
}

interface Operator {
	name: string;
	/** Returns the changed document and the rules it breaks, or undefined where the fixture has nothing to change. */
	apply(xml: string, pick: (count: number) => number): { xml: string; breaks: string[] } | undefined;
	mayAlsoBreak?: RegExp;
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so the suite is the same on every run. */
function random(seed: number): () => number {
	let state = seed % 2147483647;
	return () => {
		state = (state * 48271) % 2147483647;
		return state / 2147483647;
	};
}

/** Replaces the `index`-th match of a global pattern. */
function replaceNth(xml: string, pattern: RegExp, index: number, replace: (match: RegExpExecArray) => string): string {
	const matches = [...xml.matchAll(pattern)];
	const match = matches[index] as RegExpExecArray;
	return xml.slice(0, match.index) + replace(match) + xml.slice(match.index + match[0].length);
}

/** Picks one match of `pattern` and rewrites it; undefined when there is none. */
function rewrite(xml: string, pattern: RegExp, pick: (count: number) => number, replace: (match: RegExpExecArray) => string): string | undefined {
	const count = [...xml.matchAll(pattern)].length;
	return count === 0 ? undefined : replaceNth(xml, pattern, pick(count), replace);
}

const changed = (xml: string | undefined, breaks: string[]) => (xml === undefined ? undefined : { xml, breaks });
const attributeValue = (element: string, attribute: string) => new RegExp(`(<cbc:${element}\\b[^>]*\\b${attribute}=")([^"]*)(")`, 'g');
const BAD_DATES = ['2017-13-45', '20171113', '2017-11-13T10:00:00', '2017-02-30', '2017-11-1', '13.11.2017'];
const DATE_KEYS = ['IssueDate', 'DueDate', 'StartDate', 'EndDate', 'ActualDeliveryDate', 'TaxPointDate'];
/** Amounts outside prices (a price discount's amounts are exempt from UBL-DT-01). */
const TOTAL_KEYS = ['TaxableAmount', 'LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount', 'PayableAmount', 'TaxAmount'];
const AMOUNT_KEYS = ['Amount', 'BaseAmount', 'TaxableAmount', 'LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount', 'PayableAmount'];
const SUMS = /^(BR-CO-1[0-7]|BR-DEC-\d+|BR-[A-Z]+-0[89]|PEPPOL-EN16931-R0(40|46|55)|PEPPOL-EN16931-R120|UBL-DT-01)$/;
const DATES = /^(BR-29|BR-30|PEPPOL-EN16931-R11[01])$/;

/** Sets an attribute to a value outside its code list on one element that has it. */
function badAttribute(element: string, attribute: string, value: string, breaks: string[]): Operator {
	return {
		name: `${element}/@${attribute}=${value}`,
		apply: (xml, pick) => changed(rewrite(xml, attributeValue(element, attribute), pick, (m) => `${m[1]}${value}${m[3]}`), breaks),
	};
}

/** Sets the text of one element to a value outside its code list. */
function badText(pattern: RegExp, value: string, breaks: string[], name: string, mayAlsoBreak?: RegExp): Operator {
	return { name, apply: (xml, pick) => changed(rewrite(xml, pattern, pick, (m) => m[0].replace(/>[^<]*(<\/cbc:\w+>)$/, `>${value}$1`)), breaks), mayAlsoBreak };
}

/** Repeats one element in place: the UBL-SR cardinality rule on it breaks. */
function duplicate(pattern: RegExp, rule: string, mayAlsoBreak?: RegExp): Operator {
	return { name: `duplicate for ${rule}`, apply: (xml, pick) => changed(rewrite(xml, pattern, pick, (m) => m[0] + m[0]), [rule]), mayAlsoBreak };
}

/** Gives a party identifier an identifier scheme with a check digit, and a value that fails it. */
function badIdentifier(scheme: string, value: string, rule: string): Operator {
	return {
		name: `${scheme} identifier ${value}`,
		apply: (xml, pick) => changed(rewrite(xml, /<cbc:EndpointID schemeID="[^"]*">[^<]*<\/cbc:EndpointID>/g, pick, () => `<cbc:EndpointID schemeID="${scheme}">${value}</cbc:EndpointID>`), [rule]),
	};
}

const OPERATORS: Operator[] = [
	...BAD_DATES.map((value) => ({
		name: `date ${value}`,
		apply: (xml: string, pick: (count: number) => number) =>
			changed(rewrite(xml, new RegExp(`<cbc:(${DATE_KEYS.join('|')})>[^<]*</cbc:\\1>`, 'g'), pick, (m) => `<cbc:${m[1]}>${value}</cbc:${m[1]}>`), ['PEPPOL-EN16931-F001']),
		mayAlsoBreak: DATES,
	})),
	{
		name: 'amount in another currency',
		apply: (xml, pick) => {
			const currency = /<cbc:DocumentCurrencyCode>([^<]*)</.exec(xml)?.[1];
			const other = currency === 'USD' ? 'JPY' : 'USD';
			const pattern = new RegExp(`<cbc:(LineExtensionAmount|PriceAmount|TaxableAmount) currencyID="${currency}"`, 'g');
			return changed(rewrite(xml, pattern, pick, (m) => `<cbc:${m[1]} currencyID="${other}"`), ['PEPPOL-EN16931-R051']);
		},
	},
	{
		name: 'amount with an unknown currency',
		apply: (xml, pick) =>
			changed(rewrite(xml, new RegExp(`<cbc:(${AMOUNT_KEYS.join('|')}) currencyID="[^"]*"`, 'g'), pick, (m) => `<cbc:${m[1]} currencyID="QQQ"`), ['BR-CL-03', 'PEPPOL-EN16931-CL007', 'PEPPOL-EN16931-R051']),
	},
	badText(/<cac:Country>\s*<cbc:IdentificationCode>[^<]*<\/cbc:IdentificationCode>/g, 'QQ', ['BR-CL-14'], 'country QQ', /^(BR-B-01|PEPPOL-EN16931-R002)$/),
	badText(/<cac:OriginCountry>\s*<cbc:IdentificationCode>[^<]*<\/cbc:IdentificationCode>/g, 'QQ', ['BR-CL-15'], 'origin country QQ', /^BR-B-01$/),
	badText(/<cbc:PaymentMeansCode[^>]*>[^<]*<\/cbc:PaymentMeansCode>/g, '999', ['BR-CL-16'], 'payment means 999', /^UBL-SR-47$/),
	badText(/<cbc:TaxExemptionReasonCode>[^<]*<\/cbc:TaxExemptionReasonCode>/g, 'VATEX-QQ', ['BR-CL-22'], 'exemption code VATEX-QQ'),
	badText(/<cbc:InvoiceTypeCode>[^<]*<\/cbc:InvoiceTypeCode>/g, '999', ['BR-CL-01', 'PEPPOL-EN16931-P0100'], 'invoice type 999'),
	badText(/<cbc:CreditNoteTypeCode>[^<]*<\/cbc:CreditNoteTypeCode>/g, '999', ['BR-CL-01', 'PEPPOL-EN16931-P0101'], 'credit note type 999'),
	badText(/<cbc:InvoiceTypeCode>[^<]*<\/cbc:InvoiceTypeCode>/g, '326', ['PEPPOL-EN16931-P0112'], 'invoice type 326 outside Germany'),
	{ ...badAttribute('InvoicedQuantity', 'unitCode', 'XYZ1', ['BR-CL-23']), mayAlsoBreak: /^PEPPOL-EN16931-R130$/ },
	{ ...badAttribute('CreditedQuantity', 'unitCode', 'XYZ1', ['BR-CL-23']), mayAlsoBreak: /^PEPPOL-EN16931-R130$/ },
	badAttribute('EndpointID', 'schemeID', '9999', ['BR-CL-25', 'PEPPOL-EN16931-CL008']),
	badAttribute('CompanyID', 'schemeID', '9999', ['BR-CL-11']),
	badAttribute('ItemClassificationCode', 'listID', 'QQ', ['BR-CL-13']),
	badAttribute('EmbeddedDocumentBinaryObject', 'mimeCode', 'application/zip', ['BR-CL-24', 'PEPPOL-EN16931-CL001']),
	{
		name: 'standard item id scheme 9999',
		apply: (xml, pick) => changed(rewrite(xml, /<cac:StandardItemIdentification>\s*<cbc:ID schemeID="[^"]*"/g, pick, (m) => m[0].replace(/schemeID="[^"]*"/, 'schemeID="9999"')), ['BR-CL-21']),
	},
	{
		name: 'buyer identifier scheme 9999',
		apply: (xml, pick) => changed(rewrite(xml, /<cac:PartyIdentification>\s*<cbc:ID schemeID="(?!SEPA)[^"]*"/g, pick, (m) => m[0].replace(/schemeID="[^"]*"/, 'schemeID="9999"')), ['BR-CL-10']),
	},
	{
		name: 'allowance reason code 999',
		apply: (xml, pick) =>
			changed(rewrite(xml, /<cbc:ChargeIndicator>false<\/cbc:ChargeIndicator>\s*<cbc:AllowanceChargeReasonCode>[^<]*</g, pick, (m) => m[0].replace(/ReasonCode>[^<]*</, 'ReasonCode>999<')), ['BR-CL-19', 'PEPPOL-EN16931-CL002']),
	},
	{
		name: 'charge reason code QQQ',
		apply: (xml, pick) =>
			changed(rewrite(xml, /<cbc:ChargeIndicator>true<\/cbc:ChargeIndicator>\s*<cbc:AllowanceChargeReasonCode>[^<]*</g, pick, (m) => m[0].replace(/ReasonCode>[^<]*</, 'ReasonCode>QQQ<')), ['BR-CL-20', 'PEPPOL-EN16931-CL003']),
	},
	{
		name: 'binary object without mime code',
		apply: (xml, pick) => changed(rewrite(xml, /(<cbc:EmbeddedDocumentBinaryObject\b[^>]*?) mimeCode="[^"]*"/g, pick, (m) => m[1]), ['UBL-DT-06']),
	},
	{
		name: 'binary object without file name',
		apply: (xml, pick) => changed(rewrite(xml, /(<cbc:EmbeddedDocumentBinaryObject\b[^>]*?) filename="[^"]*"/g, pick, (m) => m[1]), ['UBL-DT-07']),
	},
	{
		name: 'amount with three decimals',
		apply: (xml, pick) => changed(rewrite(xml, new RegExp(`<cbc:(${TOTAL_KEYS.join('|')}) (currencyID="[^"]*")>(-?[0-9]+)(\\.[0-9]*)?<`, 'g'), pick, (m) => `<cbc:${m[1]} ${m[2]}>${m[3]}.001<`), ['UBL-DT-01']),
		mayAlsoBreak: SUMS,
	},
	{
		name: 'price base quantity in another unit',
		apply: (xml, pick) =>
			changed(rewrite(xml, /<cbc:PriceAmount (currencyID="[^"]*")>([^<]*)<\/cbc:PriceAmount>(?!\s*<cbc:BaseQuantity)/g, pick, (m) => `${m[0]}<cbc:BaseQuantity unitCode="KGM">1</cbc:BaseQuantity>`), ['PEPPOL-EN16931-R130']),
	},
	{
		name: 'exemption code VATEX-EU-G on another category',
		apply: (xml, pick) =>
			changed(rewrite(xml, /<cbc:ID>(?!G<)[A-Z]+<\/cbc:ID>(\s*<cbc:Percent>[^<]*<\/cbc:Percent>)?\s*<cbc:TaxExemptionReasonCode>[^<]*</g, pick, (m) => m[0].replace(/ReasonCode>[^<]*</, 'ReasonCode>VATEX-EU-G<')), ['PEPPOL-EN16931-P0104']),
	},
	badIdentifier('0208', '0123456789', 'PEPPOL-COMMON-R043'),
	badIdentifier('0192', '923609017', 'PEPPOL-COMMON-R041'),
	badIdentifier('0184', 'DK123', 'PEPPOL-COMMON-R042'),
	badIdentifier('0007', '5560360794', 'PEPPOL-COMMON-R049'),
	badIdentifier('0151', '51824753557', 'PEPPOL-COMMON-R050'),
	badIdentifier('0088', '5790000435952', 'PEPPOL-COMMON-R040'),
	duplicate(/<cbc:Description>[^<]*<\/cbc:Description>/g, 'UBL-SR-50'),
	duplicate(/<cbc:LineID>[^<]*<\/cbc:LineID>/g, 'UBL-SR-35'),
	duplicate(/(?<=<cac:PaymentTerms>\s*)<cbc:Note>[^<]*<\/cbc:Note>/g, 'UBL-SR-05'),
	duplicate(/<cbc:PaymentID>[^<]*<\/cbc:PaymentID>/g, 'UBL-SR-26'),
	duplicate(/<cac:ProjectReference>[\s\S]*?<\/cac:ProjectReference>/g, 'UBL-SR-39'),
	duplicate(/<cac:ContractDocumentReference>[\s\S]*?<\/cac:ContractDocumentReference>/g, 'UBL-SR-01'),
	duplicate(/<cac:DespatchDocumentReference>[\s\S]*?<\/cac:DespatchDocumentReference>/g, 'UBL-SR-03'),
	duplicate(/<cac:ReceiptDocumentReference>[\s\S]*?<\/cac:ReceiptDocumentReference>/g, 'UBL-SR-02'),
	duplicate(/(?<=<cac:AccountingCustomerParty>\s*<cac:Party>(?:(?!<\/cac:Party>)[\s\S])*?<cac:PartyName>\s*)<cbc:Name>[^<]*<\/cbc:Name>/g, 'UBL-SR-40'),
	duplicate(/(?<=<cac:DeliveryParty>\s*<cac:PartyName>\s*)<cbc:Name>[^<]*<\/cbc:Name>/g, 'UBL-SR-25'),
	{
		name: 'second delivery',
		apply: (xml, pick) => changed(rewrite(xml, /<cac:Delivery>[\s\S]*?<\/cac:Delivery>/g, pick, (m) => m[0] + m[0]), ['UBL-SR-24']),
		mayAlsoBreak: /^(UBL-SR-25)$/,
	},
	{
		name: 'line without item name',
		apply: (xml, pick) => changed(rewrite(xml, /(<cac:Item>[\s\S]*?)<cbc:Name>[^<]*<\/cbc:Name>/g, pick, (m) => m[1]), ['BR-25']),
	},
	{
		name: 'document without number',
		apply: (xml) => {
			const next = xml.replace(/(<cbc:(?:ProfileID)>[^<]*<\/cbc:ProfileID>\s*)<cbc:ID>[^<]*<\/cbc:ID>/, '$1');
			return next === xml ? undefined : { xml: next, breaks: ['BR-02'] };
		},
	},
];

function withoutComments(xml: string): string {
	return xml.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * A seeded suite of documents, each an official example with one change that breaks a known rule.
 * Operators are tried on every fixture with a few different picks until `size` documents are made.
 */
export function mutationSuite(size: number, seed = 20261205): Mutation[] {
	const next = random(seed);
	const pick = (count: number) => Math.floor(next() * count);
	const suite: Mutation[] = [];
	const seen = new Set<string>();
	for (let round = 0; suite.length < size && round < 20; round++) {
		for (const operator of OPERATORS) {
			for (const name of FIXTURE_NAMES) {
				if (suite.length >= size) break;
				const original = fixture(name as FixtureName);
				const result = operator.apply(original, pick);
				// A change inside a comment changes nothing.
				if (!result || seen.has(result.xml) || withoutComments(result.xml) === withoutComments(original)) continue;
				seen.add(result.xml);
				suite.push({ name: `${operator.name} on ${name} (#${suite.length})`, xml: result.xml, breaks: result.breaks, mayAlsoBreak: operator.mayAlsoBreak ?? /^$/ });
			}
		}
	}
	return suite;
}
