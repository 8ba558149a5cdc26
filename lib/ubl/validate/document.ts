import { CAC, CBC } from '../namespaces';
import type { UblElement } from './types';

/** `cac:Party`, `cbc:ID`, or the bare local name for elements outside the two UBL component namespaces. */
export function keyOf(element: UblElement): string {
	if (element.ns === CAC) return `cac:${element.local}`;
	if (element.ns === CBC) return `cbc:${element.local}`;
	return element.local;
}

interface ExpandedName {
	ns: string;
	local: string;
}

const expandedNames = new Map<string, ExpandedName>();

/** `cac:X` / `cbc:X` as namespace and local name, parsed once per key. */
function expand(key: string): ExpandedName {
	let name = expandedNames.get(key);
	if (!name) {
		const colon = key.indexOf(':');
		const prefix = colon < 0 ? '' : key.slice(0, colon);
		name = { ns: prefix === 'cac' ? CAC : prefix === 'cbc' ? CBC : '', local: key.slice(colon + 1) };
		expandedNames.set(key, name);
	}
	return name;
}

function matches(element: UblElement, name: ExpandedName): boolean {
	return element.local === name.local && (name.ns === '' || element.ns === name.ns);
}

export function child(element: UblElement | undefined, key: string): UblElement | undefined {
	if (!element) return undefined;
	const name = expand(key);
	for (const candidate of element.children) if (matches(candidate, name)) return candidate;
	return undefined;
}

export function children(element: UblElement | undefined, key: string): UblElement[] {
	if (!element) return [];
	const name = expand(key);
	return element.children.filter((candidate) => matches(candidate, name));
}

/** All elements reached by a relative path such as `cac:Party/cac:PartyName/cbc:Name` (every branch). */
export function select(element: UblElement | undefined, path: string): UblElement[] {
	let current = element ? [element] : [];
	for (const step of path.split('/')) current = current.flatMap((node) => children(node, step));
	return current;
}

export function first(element: UblElement | undefined, path: string): UblElement | undefined {
	return select(element, path)[0];
}

/** XPath normalize-space(). */
export function normalizeSpace(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

/** normalize-space() of an element's text; '' when absent. */
export function textOf(element: UblElement | undefined): string {
	return element ? normalizeSpace(element.text) : '';
}

export function hasText(element: UblElement | undefined): boolean {
	return textOf(element) !== '';
}

/** XPath boolean of cbc:ChargeIndicator: true for a charge, false for an allowance, undefined when unusable. */
export function chargeIndicator(allowanceCharge: UblElement): boolean | undefined {
	const value = textOf(child(allowanceCharge, 'cbc:ChargeIndicator'));
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	return undefined;
}

/** The VAT category code of a TaxCategory / ClassifiedTaxCategory whose tax scheme is VAT. */
export function vatCategoryCode(category: UblElement | undefined): string | undefined {
	if (!category) return undefined;
	const scheme = textOf(first(category, 'cac:TaxScheme/cbc:ID')).toUpperCase();
	return scheme === 'VAT' ? textOf(child(category, 'cbc:ID')) : undefined;
}

/** The VAT identifier (PartyTaxScheme with scheme VAT) of a party, if any. */
export function vatIdentifier(party: UblElement | undefined): UblElement | undefined {
	for (const scheme of children(party, 'cac:PartyTaxScheme')) {
		if (vatCategoryCode(scheme) !== undefined) {
			const companyId = child(scheme, 'cbc:CompanyID');
			if (companyId) return companyId;
		}
	}
	return undefined;
}

/**
 * One pass over the tree: element paths for reporting, descendants by key for `//` lookups, and the
 * groups nearly every rule reads, so no rule scans the document again.
 */
export class UblDocument {
	readonly isCreditNote: boolean;
	readonly lines: UblElement[];
	readonly allowanceCharges: UblElement[];
	readonly taxTotals: UblElement[];
	readonly taxSubtotals: UblElement[];
	readonly monetaryTotal: UblElement | undefined;
	readonly supplier: UblElement | undefined;
	readonly customer: UblElement | undefined;
	readonly taxRepresentative: UblElement | undefined;
	readonly documentCurrency: string;
	readonly taxCurrency: string;

	/** Every element in document order. */
	readonly elements: UblElement[] = [];
	private readonly paths = new Map<UblElement, string>();
	private readonly byKey = new Map<string, UblElement[]>();

	constructor(readonly root: UblElement) {
		this.index(root, `/${root.local}`);
		this.isCreditNote = root.local === 'CreditNote';
		this.lines = children(root, this.isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');
		this.allowanceCharges = children(root, 'cac:AllowanceCharge');
		this.taxTotals = children(root, 'cac:TaxTotal');
		this.taxSubtotals = this.taxTotals.flatMap((total) => children(total, 'cac:TaxSubtotal'));
		this.monetaryTotal = child(root, 'cac:LegalMonetaryTotal');
		this.supplier = first(root, 'cac:AccountingSupplierParty/cac:Party');
		this.customer = first(root, 'cac:AccountingCustomerParty/cac:Party');
		this.taxRepresentative = child(root, 'cac:TaxRepresentativeParty');
		this.documentCurrency = textOf(child(root, 'cbc:DocumentCurrencyCode'));
		this.taxCurrency = textOf(child(root, 'cbc:TaxCurrencyCode'));
	}

	pathOf(element: UblElement): string {
		return this.paths.get(element) ?? `/${element.local}`;
	}

	/** Every element with this key anywhere in the document (XPath `//key`), in document order. */
	descendants(key: string): readonly UblElement[] {
		return this.byKey.get(key) ?? [];
	}

	/** Document level allowances (false) or charges (true). */
	documentAllowanceCharges(isCharge: boolean): UblElement[] {
		return this.allowanceCharges.filter((entry) => chargeIndicator(entry) === isCharge);
	}

	private index(element: UblElement, path: string): void {
		this.paths.set(element, path);
		this.elements.push(element);
		const key = keyOf(element);
		const list = this.byKey.get(key);
		if (list) list.push(element);
		else this.byKey.set(key, [element]);

		const totals = new Map<string, number>();
		for (const node of element.children) {
			const nodeKey = keyOf(node);
			totals.set(nodeKey, (totals.get(nodeKey) ?? 0) + 1);
		}
		const seen = new Map<string, number>();
		for (const node of element.children) {
			const nodeKey = keyOf(node);
			const position = (seen.get(nodeKey) ?? 0) + 1;
			seen.set(nodeKey, position);
			const step = totals.get(nodeKey)! > 1 ? `${nodeKey}[${position}]` : nodeKey;
			this.index(node, `${path}/${step}`);
		}
	}
}
