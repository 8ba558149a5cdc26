import type { RuleId } from '../catalog';
import type { RuleContext } from '../context';
import { chargeIndicator, child, children } from '../document';
import type { UblElement } from '../types';

/** Where each BR-DEC rule looks: a group of elements and the amount inside it. */
type Scope = 'documentAllowance' | 'documentCharge' | 'lineAllowance' | 'lineCharge' | 'line' | 'monetaryTotal' | 'subtotal';

const DECIMAL_RULES: ReadonlyArray<{ rule: RuleId; scope: Scope; amount: string }> = [
	{ rule: 'BR-DEC-01', scope: 'documentAllowance', amount: 'cbc:Amount' },
	{ rule: 'BR-DEC-02', scope: 'documentAllowance', amount: 'cbc:BaseAmount' },
	{ rule: 'BR-DEC-05', scope: 'documentCharge', amount: 'cbc:Amount' },
	{ rule: 'BR-DEC-06', scope: 'documentCharge', amount: 'cbc:BaseAmount' },
	{ rule: 'BR-DEC-09', scope: 'monetaryTotal', amount: 'cbc:LineExtensionAmount' },
	{ rule: 'BR-DEC-10', scope: 'monetaryTotal', amount: 'cbc:AllowanceTotalAmount' },
	{ rule: 'BR-DEC-11', scope: 'monetaryTotal', amount: 'cbc:ChargeTotalAmount' },
	{ rule: 'BR-DEC-12', scope: 'monetaryTotal', amount: 'cbc:TaxExclusiveAmount' },
	{ rule: 'BR-DEC-14', scope: 'monetaryTotal', amount: 'cbc:TaxInclusiveAmount' },
	{ rule: 'BR-DEC-16', scope: 'monetaryTotal', amount: 'cbc:PrepaidAmount' },
	{ rule: 'BR-DEC-17', scope: 'monetaryTotal', amount: 'cbc:PayableRoundingAmount' },
	{ rule: 'BR-DEC-18', scope: 'monetaryTotal', amount: 'cbc:PayableAmount' },
	{ rule: 'BR-DEC-19', scope: 'subtotal', amount: 'cbc:TaxableAmount' },
	{ rule: 'BR-DEC-20', scope: 'subtotal', amount: 'cbc:TaxAmount' },
	{ rule: 'BR-DEC-23', scope: 'line', amount: 'cbc:LineExtensionAmount' },
	{ rule: 'BR-DEC-24', scope: 'lineAllowance', amount: 'cbc:Amount' },
	{ rule: 'BR-DEC-25', scope: 'lineAllowance', amount: 'cbc:BaseAmount' },
	{ rule: 'BR-DEC-27', scope: 'lineCharge', amount: 'cbc:Amount' },
	{ rule: 'BR-DEC-28', scope: 'lineCharge', amount: 'cbc:BaseAmount' },
];

/** Decimal rules BR-DEC: amounts carry at most two decimals. */
export function decimalRules(context: RuleContext): void {
	const { doc } = context;
	const lineAllowanceCharges = doc.lines.flatMap((line) => children(line, 'cac:AllowanceCharge'));
	const scopes: Record<Scope, UblElement[]> = {
		documentAllowance: doc.documentAllowanceCharges(false),
		documentCharge: doc.documentAllowanceCharges(true),
		lineAllowance: lineAllowanceCharges.filter((entry) => chargeIndicator(entry) === false),
		lineCharge: lineAllowanceCharges.filter((entry) => chargeIndicator(entry) === true),
		line: doc.lines,
		monetaryTotal: doc.monetaryTotal ? [doc.monetaryTotal] : [],
		subtotal: doc.taxSubtotals,
	};
	for (const { rule, scope, amount } of DECIMAL_RULES) {
		for (const group of scopes[scope]) {
			const element = child(group, amount);
			if (element && rawFractionDigits(element) > 2) context.report(rule, element);
		}
	}
}

/**
 * Characters after the first '.' of the raw text, as the official string-length(substring-after(x, '.')):
 * whitespace around the number counts.
 */
export function rawFractionDigits(element: UblElement): number {
	const dot = element.text.indexOf('.');
	return dot < 0 ? 0 : element.text.length - dot - 1;
}
