import type { RuleId } from '../catalog';
import type { RuleContext } from '../context';
import { child, children, first, select, textOf, vatCategoryCode, vatIdentifier } from '../document';
import { abs, compare, decimalOf, decimalOfDouble, doubleOf, equal, type Exact, isZero, minus, percentOf, plus, round2, sum, times, withinOne } from '../decimal';
import type { UblElement } from '../types';

type Category = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O' | 'L' | 'M';

/** What each VAT category demands of the parties (rules -02 to -04). */
type PartyRequirement =
	| 'sellerTaxId' // seller VAT or tax registration id, or tax representative VAT id (S, Z, E)
	| 'sellerAndBuyerId' // the above plus buyer VAT or legal registration id (AE)
	| 'sellerAndBuyerVatId' // seller or representative VAT id plus buyer VAT id (K)
	| 'sellerVatId' // seller or representative VAT id (G)
	| 'noVatIds'; // no VAT ids at all (O)

type RateRequirement = 'positive' | 'nonNegative' | 'zero' | 'absent';

interface CategoryRules {
	prefix: string;
	parties: PartyRequirement;
	rate: RateRequirement;
	/** -10: exemption reason required (true) or forbidden (false). */
	exemptionReason: boolean;
	/** Taxed at a rate: -01 asks for some breakdown (not exactly one), -08/-09 work per rate with a slack of one. */
	perRate?: boolean;
}

const CATEGORIES: Record<Category, CategoryRules> = {
	S: { prefix: 'BR-S', parties: 'sellerTaxId', rate: 'positive', exemptionReason: false, perRate: true },
	Z: { prefix: 'BR-Z', parties: 'sellerTaxId', rate: 'zero', exemptionReason: false },
	E: { prefix: 'BR-E', parties: 'sellerTaxId', rate: 'zero', exemptionReason: true },
	AE: { prefix: 'BR-AE', parties: 'sellerAndBuyerId', rate: 'zero', exemptionReason: true },
	K: { prefix: 'BR-IC', parties: 'sellerAndBuyerVatId', rate: 'zero', exemptionReason: true },
	G: { prefix: 'BR-G', parties: 'sellerVatId', rate: 'zero', exemptionReason: true },
	O: { prefix: 'BR-O', parties: 'noVatIds', rate: 'absent', exemptionReason: true },
	// IGIC (Canary Islands) and IPSI (Ceuta and Melilla).
	L: { prefix: 'BR-AF', parties: 'sellerTaxId', rate: 'nonNegative', exemptionReason: false, perRate: true },
	M: { prefix: 'BR-AG', parties: 'sellerTaxId', rate: 'nonNegative', exemptionReason: false, perRate: true },
};

function ruleId(rules: CategoryRules, number: number): RuleId {
	return `${rules.prefix}-${String(number).padStart(2, '0')}` as RuleId;
}

/** VAT category rules BR-S, BR-Z, BR-E, BR-AE, BR-IC (category K), BR-G, BR-O, BR-AF (L), BR-AG (M) and BR-B. */
export function vatCategoryRules(context: RuleContext): void {
	const usage = new CategoryUsage(context);
	for (const [code, rules] of Object.entries(CATEGORIES) as Array<[Category, CategoryRules]>) {
		breakdownPresence(context, usage, code, rules);
		partyIdentifiers(context, usage, code, rules);
		rates(context, usage, code, rules);
		breakdowns(context, usage, code, rules);
	}
	notSubjectToVatExclusivity(context, usage);
	intraCommunityDelivery(context, usage);
	splitPayment(context);
}

/** Which lines, document allowances/charges and breakdowns carry each VAT category: read once. */
class CategoryUsage {
	readonly lineCategories: Array<{ line: UblElement; category: UblElement; code: string }> = [];
	readonly documentCategories: Array<{ entry: UblElement; category: UblElement; code: string; isCharge: boolean }> = [];
	readonly breakdowns: Array<{ subtotal: UblElement; category: UblElement; code: string }> = [];
	/** Every VAT TaxCategory / ClassifiedTaxCategory code anywhere (the official -01 rules look at all of them). */
	readonly anywhere = new Set<string>();
	/** Categories by their ID alone, tax scheme or not: what the official -08 sums select, with rate and amount read once. */
	readonly baseLines: Array<{ line: UblElement; code: string; rate: Exact | undefined; amount: Exact | undefined }> = [];
	readonly baseDocument: Array<{ code: string; isCharge: boolean; rate: Exact | undefined; amount: Exact | undefined }> = [];

	constructor(context: RuleContext) {
		const { doc } = context;
		for (const line of doc.lines) {
			const amount = decimalOf(child(line, 'cbc:LineExtensionAmount'));
			for (const category of children(child(line, 'cac:Item'), 'cac:ClassifiedTaxCategory')) {
				this.baseLines.push({ line, code: textOf(child(category, 'cbc:ID')), rate: decimalOf(child(category, 'cbc:Percent')), amount });
				const code = vatCategoryCode(category);
				if (code !== undefined) this.lineCategories.push({ line, category, code });
			}
		}
		for (const isCharge of [false, true]) {
			for (const entry of doc.documentAllowanceCharges(isCharge)) {
				const amount = decimalOf(child(entry, 'cbc:Amount'));
				for (const category of children(entry, 'cac:TaxCategory')) {
					this.baseDocument.push({ code: textOf(child(category, 'cbc:ID')), isCharge, rate: decimalOf(child(category, 'cbc:Percent')), amount });
					const code = vatCategoryCode(category);
					if (code !== undefined) this.documentCategories.push({ entry, category, code, isCharge });
				}
			}
		}
		for (const subtotal of doc.taxSubtotals) {
			for (const category of children(subtotal, 'cac:TaxCategory')) {
				const code = vatCategoryCode(category);
				if (code !== undefined) this.breakdowns.push({ subtotal, category, code });
			}
		}
		for (const key of ['cac:TaxCategory', 'cac:ClassifiedTaxCategory']) {
			for (const category of doc.descendants(key)) {
				const code = vatCategoryCode(category);
				if (code !== undefined) this.anywhere.add(code);
			}
		}
	}

	lines(code: string): UblElement[] {
		return this.lineCategories.filter((entry) => entry.code === code).map((entry) => entry.line);
	}

	documentLevel(code: string, isCharge: boolean): Array<{ entry: UblElement; category: UblElement }> {
		return this.documentCategories.filter((entry) => entry.code === code && entry.isCharge === isCharge);
	}

	breakdownsOf(code: string): Array<{ subtotal: UblElement; category: UblElement }> {
		return this.breakdowns.filter((entry) => entry.code === code);
	}
}

/** -01: a category used on a line, allowance or charge needs its VAT breakdown (exactly one, except S). */
function breakdownPresence(context: RuleContext, usage: CategoryUsage, code: Category, rules: CategoryRules): void {
	const { root } = context.doc;
	const count = usage.breakdownsOf(code).length;
	if (rules.perRate) {
		const used = usage.lines(code).length + usage.documentLevel(code, false).length + usage.documentLevel(code, true).length;
		if ((used > 0) !== (count > 0)) context.report(ruleId(rules, 1), root, 'cac:TaxTotal/cac:TaxSubtotal');
		return;
	}
	if (usage.anywhere.has(code) && count !== 1) context.report(ruleId(rules, 1), root, 'cac:TaxTotal/cac:TaxSubtotal');
}

function partiesSatisfy(context: RuleContext, requirement: PartyRequirement): boolean {
	const { supplier, customer, taxRepresentative } = context.doc;
	const representativeVat = vatIdentifier(taxRepresentative) !== undefined;
	const sellerAnyTaxId = first(supplier, 'cac:PartyTaxScheme/cbc:CompanyID') !== undefined || representativeVat;
	const sellerVat = vatIdentifier(supplier) !== undefined || representativeVat;
	const buyerVat = vatIdentifier(customer) !== undefined;
	switch (requirement) {
		case 'sellerTaxId':
			return sellerAnyTaxId;
		case 'sellerAndBuyerId':
			return sellerAnyTaxId && (buyerVat || first(customer, 'cac:PartyLegalEntity/cbc:CompanyID') !== undefined);
		case 'sellerAndBuyerVatId':
			return sellerVat && buyerVat;
		case 'sellerVatId':
			return sellerVat;
		case 'noVatIds':
			return !sellerVat && !buyerVat;
	}
}

/** -02 (lines), -03 (document allowances), -04 (document charges): party identifiers the category needs. */
function partyIdentifiers(context: RuleContext, usage: CategoryUsage, code: Category, rules: CategoryRules): void {
	if (partiesSatisfy(context, rules.parties)) return;
	const firstLine = usage.lines(code)[0];
	if (firstLine) context.report(ruleId(rules, 2), firstLine);
	const firstAllowance = usage.documentLevel(code, false)[0];
	if (firstAllowance) context.report(ruleId(rules, 3), firstAllowance.entry);
	const firstCharge = usage.documentLevel(code, true)[0];
	if (firstCharge) context.report(ruleId(rules, 4), firstCharge.entry);
}

function rateAllowed(category: UblElement, requirement: RateRequirement): boolean {
	const percent = child(category, 'cbc:Percent');
	if (requirement === 'absent') return percent === undefined;
	// The official zero-rate rules compare xs:decimal values, the others the bare element (an xs:double).
	if (requirement === 'zero') return isZero(decimalOf(percent));
	const rate = doubleOf(percent);
	if (rate === undefined) return false;
	return requirement === 'positive' ? rate > 0 : rate >= 0;
}

/** -05 (line rate), -06 (allowance rate), -07 (charge rate). */
function rates(context: RuleContext, usage: CategoryUsage, code: Category, rules: CategoryRules): void {
	for (const entry of usage.lineCategories) {
		if (entry.code === code && !rateAllowed(entry.category, rules.rate)) {
			context.report(ruleId(rules, 5), child(entry.category, 'cbc:Percent') ?? entry.category);
		}
	}
	for (const entry of usage.documentCategories) {
		if (entry.code === code && !rateAllowed(entry.category, rules.rate)) {
			context.report(ruleId(rules, entry.isCharge ? 7 : 6), child(entry.category, 'cbc:Percent') ?? entry.category);
		}
	}
}

function hasRate(entryRate: Exact | undefined, rate: Exact | undefined): boolean {
	return rate === undefined || equal(entryRate, rate);
}

/** Σ line net amounts + Σ charges - Σ allowances of one category (and, for S, one rate). */
function categoryBase(usage: CategoryUsage, code: string, rate?: Exact): { amount: Exact; used: boolean } {
	// A line counts once even with several matching categories (the official predicate is existential).
	const lines = [...new Map(usage.baseLines.filter((entry) => entry.code === code && hasRate(entry.rate, rate)).map((entry) => [entry.line, entry])).values()];
	const documentLevel = (isCharge: boolean) => usage.baseDocument.filter((entry) => entry.code === code && entry.isCharge === isCharge && hasRate(entry.rate, rate));
	const charges = documentLevel(true);
	const allowances = documentLevel(false);
	const amountsOf = (entries: Array<{ amount: Exact | undefined }>) => sum(entries.map((entry) => entry.amount));
	const amount = minus(plus(amountsOf(lines), amountsOf(charges)), amountsOf(allowances));
	return { amount, used: lines.length + charges.length + allowances.length > 0 };
}

/**
 * The per-rate -08 test: xs:decimal(TaxableAmount - 1) < base < xs:decimal(TaxableAmount + 1). The official XPath
 * adds and subtracts on the bare element, so in xs:double, and casts the result back to xs:decimal.
 */
function taxableWithinOne(taxable: UblElement | undefined, base: { amount: Exact; used: boolean }): boolean {
	const value = doubleOf(taxable);
	if (!base.used || value === undefined) return false;
	const below = decimalOfDouble(value - 1);
	const above = decimalOfDouble(value + 1);
	return below !== undefined && above !== undefined && compare(below, base.amount) < 0 && compare(above, base.amount) > 0;
}

/** -08 (taxable amount), -09 (tax amount), -10 (exemption reason) on each breakdown of the category. */
function breakdowns(context: RuleContext, usage: CategoryUsage, code: Category, rules: CategoryRules): void {
	for (const { subtotal, category } of usage.breakdownsOf(code)) {
		const taxable = decimalOf(child(subtotal, 'cbc:TaxableAmount'));
		const taxAmount = decimalOf(child(subtotal, 'cbc:TaxAmount'));
		const at = (key: string): UblElement => child(subtotal, key) ?? subtotal;

		if (rules.perRate) {
			// The official S, L and M rules allow one unit of slack for rounding across lines.
			// Without a rate the official `every $rate in ()` holds.
			const percent = child(category, 'cbc:Percent');
			const rate = decimalOf(percent);
			const baseMatches = !percent || (rate !== undefined && taxableWithinOne(child(subtotal, 'cbc:TaxableAmount'), categoryBase(usage, code, rate)));
			if (!baseMatches) context.report(ruleId(rules, 8), at('cbc:TaxableAmount'));
			const expectedTax = taxable && rate ? round2(times(abs(taxable), percentOf(rate))) : undefined;
			if (!taxAmount || !expectedTax || !withinOne(taxAmount, expectedTax)) context.report(ruleId(rules, 9), at('cbc:TaxAmount'));
		} else {
			const base = categoryBase(usage, code);
			if (!equal(taxable, base.amount)) context.report(ruleId(rules, 8), at('cbc:TaxableAmount'));
			if (!isZero(taxAmount)) context.report(ruleId(rules, 9), at('cbc:TaxAmount'));
		}

		const hasExemption =
			child(category, 'cbc:TaxExemptionReason') !== undefined || child(category, 'cbc:TaxExemptionReasonCode') !== undefined;
		if (hasExemption !== rules.exemptionReason) context.report(ruleId(rules, 10), category);
	}
}

/** BR-O-11 to BR-O-14: "not subject to VAT" excludes every other category in the document. */
function notSubjectToVatExclusivity(context: RuleContext, usage: CategoryUsage): void {
	if (usage.breakdownsOf('O').length === 0) return;
	const otherBreakdown = usage.breakdowns.find((entry) => entry.code !== 'O');
	if (otherBreakdown) context.report('BR-O-11', otherBreakdown.category);
	const otherLine = context.doc
		.descendants('cac:ClassifiedTaxCategory')
		.find((category) => vatCategoryCode(category) !== undefined && vatCategoryCode(category) !== 'O');
	if (otherLine) context.report('BR-O-12', otherLine);
	const otherAllowance = usage.documentCategories.find((entry) => !entry.isCharge && entry.code !== 'O');
	if (otherAllowance) context.report('BR-O-13', otherAllowance.category);
	const otherCharge = usage.documentCategories.find((entry) => entry.isCharge && entry.code !== 'O');
	if (otherCharge) context.report('BR-O-14', otherCharge.category);
}

/** BR-IC-11 and BR-IC-12: an intra-community supply states when and where the goods went. */
function intraCommunityDelivery(context: RuleContext, usage: CategoryUsage): void {
	if (usage.breakdownsOf('K').length === 0) return;
	const { root } = context.doc;
	const deliveryDate = textOf(first(root, 'cac:Delivery/cbc:ActualDeliveryDate'));
	const period = child(root, 'cac:InvoicePeriod');
	if (deliveryDate.length <= 1 && (!period || period.children.length === 0)) {
		context.report('BR-IC-11', root, 'cac:Delivery/cbc:ActualDeliveryDate');
	}
	const country = textOf(first(root, 'cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode'));
	if (country.length <= 1) context.report('BR-IC-12', root, 'cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode');
}

/** BR-B-01 (split payment only in domestic Italian invoices) and BR-B-02 (split payment excludes standard rate). */
function splitPayment(context: RuleContext): void {
	const { doc, release } = context;
	const { root } = doc;
	const ids = (paths: string[]) => paths.flatMap((path) => select(root, path)).map((id) => id.text);
	const anywhere = [...doc.descendants('cac:TaxCategory'), ...doc.descendants('cac:ClassifiedTaxCategory')].flatMap((category) => children(category, 'cbc:ID'));
	if (!anywhere.some((id) => id.text === 'B')) return;
	if (doc.descendants('cbc:IdentificationCode').some((code) => code.text !== 'IT')) context.report('BR-B-01', root);
	const lineIds = doc.descendants('cac:ClassifiedTaxCategory').flatMap((category) => children(category, 'cbc:ID')).map((id) => id.text);
	const usesB = ids(['cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID', 'cac:AllowanceCharge/cac:TaxCategory/cbc:ID']).includes('B') || lineIds.includes('B');
	// Release 2025.5 looks for the standard rate at TaxSubtotal/cbc:ID (never present); 2026.5 corrected the path.
	const subtotalS = release === '2025.5' ? 'cac:TaxTotal/cac:TaxSubtotal/cbc:ID' : 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID';
	const usesS = ids([subtotalS, 'cac:AllowanceCharge/cac:TaxCategory/cbc:ID']).includes('S') || lineIds.includes('S');
	if (usesB && usesS) context.report('BR-B-02', root);
}
