import { CAC as CAC_NAMESPACE, CBC as CBC_NAMESPACE } from '../namespaces';
import type { UblElement } from './types';

// Read once: the imported bindings are accessors, and keys are computed for every element.
const CAC: string = CAC_NAMESPACE;
const CBC: string = CBC_NAMESPACE;

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

const parsedPaths = new Map<string, ExpandedName[]>();

/** All elements reached by a relative path such as `cac:Party/cac:PartyName/cbc:Name` (every branch). */
export function select(element: UblElement | undefined, path: string): UblElement[] {
	if (!element) return [];
	let steps = parsedPaths.get(path);
	if (!steps) {
		steps = path.split('/').map(expand);
		parsedPaths.set(path, steps);
	}
	let current = [element];
	for (const name of steps) {
		const next: UblElement[] = [];
		for (const node of current) for (const candidate of node.children) if (matches(candidate, name)) next.push(candidate);
		if (next.length === 0) return next;
		current = next;
	}
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
	private readonly parents = new Map<UblElement, UblElement>();
	private readonly keys = new Map<UblElement, string>();
	private readonly byKey = new Map<string, UblElement[]>();

	constructor(readonly root: UblElement) {
		this.index(root);
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

	/** XPath-like location, built only when a rule reports (most documents report nothing). */
	pathOf(element: UblElement): string {
		const parent = this.parents.get(element);
		if (!parent) return `/${element.local}`;
		const key = this.keys.get(element) ?? keyOf(element);
		const siblings = parent.children.filter((node) => (this.keys.get(node) ?? keyOf(node)) === key);
		const step = siblings.length > 1 ? `${key}[${siblings.indexOf(element) + 1}]` : key;
		return `${this.pathOf(parent)}/${step}`;
	}

	/** The key (`cac:Party`, `cbc:ID`, …) of an element of this document, computed once. */
	keyOf(element: UblElement): string {
		return this.keys.get(element) ?? keyOf(element);
	}

	/** Every element with this key anywhere in the document (XPath `//key`), in document order. */
	descendants(key: string): readonly UblElement[] {
		return this.byKey.get(key) ?? [];
	}

	/** Document level allowances (false) or charges (true). */
	documentAllowanceCharges(isCharge: boolean): UblElement[] {
		return this.allowanceCharges.filter((entry) => chargeIndicator(entry) === isCharge);
	}

	private index(element: UblElement): void {
		this.elements.push(element);
		const key = keyOf(element);
		this.keys.set(element, key);
		const list = this.byKey.get(key);
		if (list) list.push(element);
		else this.byKey.set(key, [element]);
		for (const node of element.children) {
			this.parents.set(node, element);
			this.index(node);
		}
	}
}
