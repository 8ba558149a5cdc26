import {
	addDecimals,
	compareDecimals,
	decimalFromNumber,
	divideDecimals,
	multiplyDecimals,
	roundDecimal,
	subtractDecimals,
} from './decimal';
import { UblBuildError } from './errors';
import type { Decimal, MonetaryTotals, TaxCategory, TaxSubtotal } from './model';

/** What a line (positive) or a document allowance (negative) adds to a VAT category's taxable amount. */
export interface TaxableShare {
	amount: Decimal;
	/** The category for the VAT breakdown, with its exemption reason. */
	category: TaxCategory;
}

/** One VAT breakdown entry per category, rate and exemption reason; VAT rounded once, per category. */
export function vatBreakdown(shares: TaxableShare[]): TaxSubtotal[] {
	const groups = new Map<string, TaxSubtotal>();
	for (const { amount, category } of shares) {
		const key = [category.id, category.percent, category.exemptionReasonCode, category.exemptionReason].join('|');
		const subtotal = groups.get(key) ?? { taxableAmount: '0.00', taxAmount: '0.00', category };
		subtotal.taxableAmount = addDecimals(subtotal.taxableAmount, amount);
		groups.set(key, subtotal);
	}
	return [...groups.values()].map((subtotal) => ({
		...subtotal,
		taxAmount: divideDecimals(multiplyDecimals(subtotal.taxableAmount, subtotal.category.percent ?? '0'), '100', 2),
	}));
}

/** Totals with the document allowances; what is left to pay is Billit's `ToPay`. */
export function monetaryTotals(
	lineAmounts: Decimal[],
	allowanceAmounts: Decimal[],
	taxAmount: Decimal,
	toPay: number | undefined,
): MonetaryTotals {
	const lineTotal = roundDecimal(addDecimals('0', ...lineAmounts));
	const allowanceTotal = allowanceAmounts.length > 0 ? roundDecimal(addDecimals(...allowanceAmounts)) : undefined;
	const taxExclusive = allowanceTotal ? subtractDecimals(lineTotal, allowanceTotal) : lineTotal;
	const taxInclusive = addDecimals(taxExclusive, taxAmount);
	const left = typeof toPay === 'number' ? roundDecimal(decimalFromNumber(toPay)) : undefined;
	const prepaid =
		left !== undefined && compareDecimals(left, '0') >= 0 && compareDecimals(left, taxInclusive) < 0
			? subtractDecimals(taxInclusive, left)
			: undefined;
	return {
		lineExtensionAmount: lineTotal,
		taxExclusiveAmount: taxExclusive,
		taxInclusiveAmount: taxInclusive,
		...(allowanceTotal ? { allowanceTotalAmount: allowanceTotal } : {}),
		...(prepaid ? { prepaidAmount: prepaid } : {}),
		payableAmount: prepaid ? subtractDecimals(taxInclusive, prepaid) : taxInclusive,
	};
}

/** How the VAT total in euro (BT-111) is known for an invoice in another currency. */
export interface TaxCurrencyOptions {
	/** Euro per one unit of the invoice currency, e.g. 0.92 for USD. */
	eurExchangeRate?: number;
	/** The VAT total in euro as the seller's books have it; wins over the rate. */
	vatTotalInEur?: number;
}

export const TAX_CURRENCY = 'EUR';

/** The VAT total in euro, or undefined when the invoice is in euro or neither value is given. */
export function vatTotalInEur(currency: string, taxAmount: Decimal, options: TaxCurrencyOptions): Decimal | undefined {
	if (currency === TAX_CURRENCY) return undefined;
	if (options.vatTotalInEur !== undefined) {
		const total = roundDecimal(decimalFromNumber(options.vatTotalInEur));
		if (compareDecimals(total, '0') < 0 !== compareDecimals(taxAmount, '0') < 0 && compareDecimals(total, '0') !== 0) {
			throw new UblBuildError(`The VAT total in EUR (${total}) must have the sign of the invoice's VAT total (${taxAmount} ${currency})`);
		}
		return total;
	}
	if (options.eurExchangeRate === undefined) return undefined;
	if (!(options.eurExchangeRate > 0)) {
		throw new UblBuildError(`The EUR exchange rate must be a positive number of euro per ${currency}, not ${options.eurExchangeRate}`);
	}
	return roundDecimal(multiplyDecimals(taxAmount, decimalFromNumber(options.eurExchangeRate)));
}
