import type { XmlElement } from '../../../lib/ubl/xml';

/**
 * One line per element, in document order: depth, `{namespace}local`, attributes sorted by name
 * (namespace declarations left out) and, for an element without children, its text exactly as
 * written. Two documents with the same lines differ only in whitespace between elements, namespace
 * prefixes, attribute order, the XML declaration and comments.
 */
export function canonicalLines(root: XmlElement): string[] {
	const lines: string[] = [];
	const visit = (element: XmlElement, depth: number) => {
		const attributes = Object.entries(element.attributes)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([name, value]) => ` ${name}=${JSON.stringify(value)}`)
			.join('');
		const text = element.children.length === 0 ? ` ${JSON.stringify(element.text)}` : '';
		lines.push(`${depth} {${element.ns}}${element.local}${attributes}${text}`);
		for (const child of element.children) visit(child, depth + 1);
	};
	visit(root, 0);
	return lines;
}
