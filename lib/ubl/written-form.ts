import type { WrittenForm } from './model';
import { CAC, CBC } from './namespaces';
import type { XmlElement } from './xml';
import type { XmlNode } from './xml-writer';

/**
 * What the model normalises and a document may still write otherwise: whitespace around a value, `0`/`1` for a
 * boolean, children out of UBL schema order. Parsing notes where the document departs from what the builder would
 * write for its model; building puts it back, so parse → build → parse gives the document back as written.
 * Elements are named by a path of `prefix:local[occurrence]` steps from the root (occurrence among same-named
 * siblings), which does not depend on how siblings of other names are ordered.
 */

const PREFIXES: Readonly<Record<string, string>> = { [CBC]: 'cbc', [CAC]: 'cac' };

function originalName(element: XmlElement): string {
	const prefix = PREFIXES[element.ns];
	return prefix ? `${prefix}:${element.local}` : `{${element.ns}}${element.local}`;
}

/** Each child with its step name (`cbc:ID[2]`). */
function steps<T>(children: readonly T[], nameOf: (child: T) => string): Array<{ child: T; name: string; step: string }> {
	const seen = new Map<string, number>();
	return children.map((child) => {
		const name = nameOf(child);
		const occurrence = (seen.get(name) ?? 0) + 1;
		seen.set(name, occurrence);
		return { child, name, step: `${name}[${occurrence}]` };
	});
}

const BOOLEAN_TEXT: Readonly<Record<string, string>> = { '0': 'false', '1': 'true' };

/** Whether written text means the value the builder writes: the same once trimmed, or a boolean's other lexical form. */
function sameValue(written: string, built: string): boolean {
	const trimmed = written.trim();
	return trimmed === built || BOOLEAN_TEXT[trimmed] === built;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Whether a parsed element has the builder's qualified name (`cbc:ID`), without building the string. */
function hasName(element: XmlElement, name: string): boolean {
	const prefix = PREFIXES[element.ns];
	return (
		prefix !== undefined &&
		name.length === prefix.length + 1 + element.local.length &&
		name.startsWith(prefix) &&
		name.charCodeAt(prefix.length) === 58 &&
		name.endsWith(element.local)
	);
}

/** One step of the way down: the siblings and which of them. */
interface Frame {
	siblings: readonly XmlElement[];
	index: number;
}

/** The path of the element the frames lead to, built only when something is recorded there. */
function pathOf(frames: readonly Frame[]): string {
	return frames
		.map(({ siblings, index }) => {
			const name = originalName(siblings[index]);
			const occurrence = siblings.slice(0, index + 1).filter((sibling) => originalName(sibling) === name).length;
			return `/${name}[${occurrence}]`;
		})
		.join('');
}

/** Where the document departs from the builder's tree of its model; undefined when it does not. */
export function writtenFormOf(original: XmlElement, built: XmlNode): WrittenForm | undefined {
	const texts: Record<string, string> = {};
	const order: Record<string, string[]> = {};
	let departs = false;
	const frames: Frame[] = [];
	const descend = (siblings: readonly XmlElement[], index: number, node: XmlNode) => {
		frames.push({ siblings, index });
		visit(siblings[index], node);
		frames.pop();
	};
	const visit = (element: XmlElement, node: XmlNode) => {
		const builtChildren = node.children ?? [];
		if (element.children.length === 0 && builtChildren.length === 0) {
			const builtText = node.text ?? '';
			if (element.text !== builtText && sameValue(element.text, builtText)) {
				texts[pathOf(frames)] = element.text;
				departs = true;
			}
			return;
		}
		const { children } = element;
		// Usually the children are the builder's, in its order: matched one by one.
		if (children.length === builtChildren.length && children.every((child, index) => hasName(child, builtChildren[index].name))) {
			for (let index = 0; index < children.length; index++) descend(children, index, builtChildren[index]);
			return;
		}
		const originalSteps = steps(children, originalName);
		const builtSteps = steps(builtChildren, (child) => child.name);
		const writtenNames = originalSteps.map((entry) => entry.name);
		if (sameNames(writtenNames, builtSteps.map((entry) => entry.name))) {
			order[pathOf(frames)] = writtenNames;
			departs = true;
		}
		const builtByStep = new Map(builtSteps.map((entry) => [entry.step, entry.child]));
		originalSteps.forEach(({ step }, index) => {
			const match = builtByStep.get(step);
			if (match) descend(children, index, match);
		});
	};
	visit(original, built);
	if (!departs) return undefined;
	const form: WrittenForm = {};
	if (Object.keys(texts).length > 0) form.texts = texts;
	if (Object.keys(order).length > 0) form.order = order;
	return form;
}

/**
 * The builder's tree with the written form put back: a text only where the model still holds the same value, an
 * order only where the children are still the same names (after an edit the model's own form wins).
 */
export function applyWrittenForm(root: XmlNode, form: WrittenForm): XmlNode {
	const visit = (node: XmlNode, path: string): XmlNode => {
		const children = node.children ?? [];
		if (children.length === 0) {
			const written = form.texts?.[path];
			return written !== undefined && sameValue(written, node.text ?? '') ? { ...node, text: written } : node;
		}
		const visited = steps(children, (child) => child.name).map(({ child, name, step }) => ({ node: visit(child, `${path}/${step}`), name }));
		const writtenNames = form.order?.[path];
		if (!writtenNames || !sameNames(writtenNames, visited.map((entry) => entry.name))) return { ...node, children: visited.map((entry) => entry.node) };
		const queues = new Map<string, XmlNode[]>();
		for (const entry of visited) queues.set(entry.name, [...(queues.get(entry.name) ?? []), entry.node]);
		return { ...node, children: writtenNames.map((name) => queues.get(name)!.shift()!) };
	};
	return visit(root, '');
}
