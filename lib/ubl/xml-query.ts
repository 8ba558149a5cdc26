import { CAC, CBC } from './namespaces';
import type { XmlElement } from './xml';

const PREFIX_NAMESPACES: Record<string, string> = { cac: CAC, cbc: CBC };

/** Splits `cac:Party` into the UBL namespace URI and local name; the prefix in the document may differ. */
function resolve(qualifiedName: string): { ns: string; local: string } {
	const [prefix, local] = qualifiedName.split(':');
	const ns = PREFIX_NAMESPACES[prefix];
	if (!ns || !local) throw new Error(`Unknown UBL component name ${qualifiedName}`);
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
	for (const step of path.split('/')) current = childrenOf(current, step)[0];
	return current;
}

/** Trimmed text of the element at a path, undefined when absent or empty. */
export function textOf(parent: XmlElement | undefined, path: string): string | undefined {
	const value = childOf(parent, path)?.text.trim();
	return value === '' ? undefined : value;
}
