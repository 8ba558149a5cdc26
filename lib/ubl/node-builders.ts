import { isDecimalText } from './decimal';
import { UblBuildError } from './errors';
import type { Decimal } from './model';
import type { XmlNode } from './xml-writer';

export type MaybeNode = XmlNode | undefined;

function definedAttributes(attributes: Record<string, string | undefined>): Record<string, string> | undefined {
	const entries = Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** An aggregate element, or nothing when none of its children is present. */
export function group(name: string, children: MaybeNode[]): MaybeNode {
	const present = children.filter((child): child is XmlNode => child !== undefined);
	return present.length > 0 ? { name, children: present } : undefined;
}

/** A basic element with text, or nothing when the value is absent or empty. */
export function leaf(
	name: string,
	value: string | undefined,
	attributes: Record<string, string | undefined> = {},
): MaybeNode {
	if (value === '') return undefined;
	return presentLeaf(name, value, attributes);
}

/** A basic element whenever the value is defined, even empty. */
export function presentLeaf(
	name: string,
	value: string | undefined,
	attributes: Record<string, string | undefined> = {},
): MaybeNode {
	if (value === undefined) return undefined;
	const node: XmlNode = { name, text: value };
	const present = definedAttributes(attributes);
	if (present) node.attributes = present;
	return node;
}

/** Decimal text written as it is; anything that is not UBL decimal text (an exponent, NaN) is refused. */
function decimalText(name: string, value: Decimal): string {
	if (typeof value !== 'string' || !isDecimalText(value)) {
		throw new UblBuildError(`${name} must be decimal text such as 12.50, not ${JSON.stringify(value)}`);
	}
	return value;
}

export function amountLeaf(name: string, value: Decimal | undefined, currency: string): MaybeNode {
	return value === undefined ? undefined : leaf(name, decimalText(name, value), { currencyID: currency });
}

/** Quantities, percentages, unit prices and factors. */
export function decimalLeaf(
	name: string,
	value: Decimal | undefined,
	attributes: Record<string, string | undefined> = {},
): MaybeNode {
	return value === undefined ? undefined : leaf(name, decimalText(name, value), attributes);
}
