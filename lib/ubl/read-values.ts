import { parseDecimal } from './decimal';
import { UblDocumentError } from './errors';
import type { Decimal, Identifier } from './model';
import type { XmlElement } from './xml';
import { childOf, textOf } from './xml-query';

/** Mandatory text: a clear error naming the element and where its parent is when it is missing. */
export function requiredText(parent: XmlElement, path: string): string {
	const value = textOf(parent, path);
	if (value === undefined) throw new UblDocumentError(`<${parent.name}> has no ${path}`, parent);
	return value;
}

/** Decimal text as written (trimmed), refused when it is not a UBL decimal. */
export function optionalDecimal(parent: XmlElement | undefined, path: string): Decimal | undefined {
	const element = childOf(parent, path);
	if (!element) return undefined;
	const value = parseDecimal(element.text);
	if (value === undefined) {
		throw new UblDocumentError(`<${element.name}> holds "${element.text.trim()}", which is not a decimal number`, element);
	}
	return value;
}

export function requiredDecimal(parent: XmlElement, path: string): Decimal {
	const value = optionalDecimal(parent, path);
	if (value === undefined) throw new UblDocumentError(`<${parent.name}> has no ${path}`, parent);
	return value;
}

export function optionalIdentifier(parent: XmlElement | undefined, path: string): Identifier | undefined {
	const element = childOf(parent, path);
	const id = element?.text.trim();
	if (!element || !id) return undefined;
	const schemeId = element.attributes.schemeID;
	return schemeId === undefined ? { id } : { id, schemeId };
}

/** Trimmed text of an element that is present, '' when it is empty; undefined only when absent. */
export function presentText(parent: XmlElement | undefined, path: string): string | undefined {
	return childOf(parent, path)?.text.trim();
}

/** Drops undefined properties and empty arrays so the JSON model only has what the document has. */
export function compact<T extends object>(value: T): T {
	const entries = Object.entries(value).filter(
		([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
	);
	return Object.fromEntries(entries) as T;
}
