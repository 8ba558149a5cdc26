import { formatAmount, formatDecimal } from './decimal';
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
	if (value === undefined || value === '') return undefined;
	const node: XmlNode = { name, text: value };
	const present = definedAttributes(attributes);
	if (present) node.attributes = present;
	return node;
}

export function amountLeaf(name: string, value: number | undefined, currency: string): MaybeNode {
	return value === undefined ? undefined : leaf(name, formatAmount(value), { currencyID: currency });
}

/** Quantities, percentages, unit prices and factors: as many decimals as they have, no exponent. */
export function decimalLeaf(
	name: string,
	value: number | undefined,
	attributes: Record<string, string | undefined> = {},
): MaybeNode {
	return value === undefined ? undefined : leaf(name, formatDecimal(value), attributes);
}

export function unitPriceLeaf(name: string, value: number | undefined, currency: string): MaybeNode {
	return value === undefined ? undefined : leaf(name, formatDecimal(value, 2), { currencyID: currency });
}
