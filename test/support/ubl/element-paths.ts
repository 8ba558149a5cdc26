import type { XmlElement } from '../../../lib/ubl/xml';

/**
 * Visits every element in document order with its path, e.g. `/Invoice/cac:InvoiceLine[2]/cbc:ID`
 * (an index only where a name repeats among its siblings), for reports that point into the XML.
 */
export function walkElements(root: XmlElement, visit: (element: XmlElement, path: string) => void): void {
	const stack: Array<{ element: XmlElement; path: string }> = [{ element: root, path: `/${root.name}` }];
	while (stack.length > 0) {
		const { element, path } = stack.pop()!;
		visit(element, path);
		const counts = new Map<string, number>();
		for (const child of element.children) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
		const seen = new Map<string, number>();
		const childEntries = element.children.map((child) => {
			const position = (seen.get(child.name) ?? 0) + 1;
			seen.set(child.name, position);
			const index = counts.get(child.name)! > 1 ? `[${position}]` : '';
			return { element: child, path: `${path}/${child.name}${index}` };
		});
		for (let i = childEntries.length - 1; i >= 0; i--) stack.push(childEntries[i]);
	}
}

/** Element paths without indices, in document order: the shape of a document, for comparisons. */
export function listElementPaths(root: XmlElement): string[] {
	const paths: string[] = [];
	walkElements(root, (_element, path) => paths.push(path.replace(/\[\d+\]/g, '')));
	return paths;
}
