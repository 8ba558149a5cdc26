import { CAC, CBC } from './namespaces';
import type { XmlElement } from './xml';

const PREFIX_NAMESPACES: Record<string, string> = { cac: CAC, cbc: CBC };

const resolved = new Map<string, { ns: string; local: string }>();

/** Splits `cac:Party` into the UBL namespace URI and local name; the prefix in the document may differ. */
function resolve(qualifiedName: string): { ns: string; local: string } {
	const known = resolved.get(qualifiedName);
	if (known) return known;
	const [prefix, local] = qualifiedName.split(':');
	const ns = PREFIX_NAMESPACES[prefix];
	if (!ns || !local) throw new Error(`Unknown UBL component name ${qualifiedName}`);
	resolved.set(qualifiedName, { ns, local });
	return { ns, local };
}

export function childrenOf(parent: XmlElement | undefined, qualifiedName: string): XmlElement[] {
	if (!parent) return [];
	const { ns, local } = resolve(qualifiedName);
	return parent.children.filter((child) => child.ns === ns && child.local === local);
}

/** The first child on a path such as `cac:Party/cac:PostalAddress`. */
export function childOf(parent: XmlElement | undefined, path: string): XmlElement | undefined {
	let current = parent;
	for (const step of path.split('/')) {
		if (!current) return undefined;
		const { ns, local } = resolve(step);
		current = current.children.find((child) => child.ns === ns && child.local === local);
	}
	return current;
}

/** Trimmed text of the element at a path, undefined when absent or empty. */
export function textOf(parent: XmlElement | undefined, path: string): string | undefined {
	const value = childOf(parent, path)?.text.trim();
	return value === '' ? undefined : value;
}
