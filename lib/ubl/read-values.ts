import { parseDecimal } from './decimal';
import { UblDocumentError } from './errors';
import type { Identifier } from './model';
import type { XmlElement } from './xml';
import { childOf, textOf } from './xml-query';

/** Mandatory text: a clear error naming the element and where its parent is when it is missing. */
export function requiredText(parent: XmlElement, path: string): string {
	const value = textOf(parent, path);
	if (value === undefined) throw new UblDocumentError(`<${parent.name}> has no ${path}`, parent);
	return value;
}

export function optionalNumber(parent: XmlElement | undefined, path: string): number | undefined {
	const element = childOf(parent, path);
	if (!element) return undefined;
	const value = parseDecimal(element.text);
	if (value === undefined) {
		throw new UblDocumentError(`<${element.name}> holds "${element.text.trim()}", which is not a decimal number`, element);
	}
	return value;
}

export function requiredNumber(parent: XmlElement, path: string): number {
	const value = optionalNumber(parent, path);
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

/** Drops undefined properties and empty arrays so the JSON model only has what the document has. */
export function compact<T extends object>(value: T): T {
	const entries = Object.entries(value).filter(
		([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
	);
	return Object.fromEntries(entries) as T;
}
