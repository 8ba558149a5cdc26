import { UblBuildError } from './errors';

/** An element to write: the parsed `XmlElement` fits, and so does a hand-built one. */
export interface XmlNode {
	/** Qualified name, e.g. `cbc:ID`; its prefix must be declared on it or an ancestor. */
	name: string;
	attributes?: Record<string, string>;
	/** Namespace declarations: prefix ('' for the default namespace) → URI. */
	namespaces?: Record<string, string>;
	children?: XmlNode[];
	text?: string;
}

const ALLOWED_CONTROL_CHARACTERS = new Set([0x09, 0x0a, 0x0d]);

/** XML 1.0 allows tab, newline, carriage return and everything from U+0020 except U+FFFE/U+FFFF. */
function isForbiddenInXml(code: number): boolean {
	return (code < 0x20 && !ALLOWED_CONTROL_CHARACTERS.has(code)) || code === 0xfffe || code === 0xffff;
}

/** Half of a UTF-16 surrogate pair standing alone: UTF-8 cannot encode it (it would become U+FFFD). */
function isLoneSurrogate(value: string, index: number): boolean {
	const code = value.charCodeAt(index);
	if (code >= 0xd800 && code <= 0xdbff) {
		const next = value.charCodeAt(index + 1);
		return !(next >= 0xdc00 && next <= 0xdfff);
	}
	if (code >= 0xdc00 && code <= 0xdfff) {
		const previous = value.charCodeAt(index - 1);
		return !(previous >= 0xd800 && previous <= 0xdbff);
	}
	return false;
}

function refuseForbidden(value: string, where: string): void {
	for (let i = 0; i < value.length; i++) {
		const code = value.charCodeAt(i);
		if (isLoneSurrogate(value, i)) {
			const hex = code.toString(16).toUpperCase();
			throw new UblBuildError(`The text in ${where} holds a lone surrogate U+${hex} (broken UTF-16) and cannot be written as UTF-8`);
		}
		if (isForbiddenInXml(code)) {
			const hex = code.toString(16).toUpperCase().padStart(4, '0');
			throw new UblBuildError(`The character U+${hex} in ${where} cannot be written to XML`);
		}
	}
}

export function escapeText(value: string): string {
	return value.replace(/[&<>\r]/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
	);
}

export function escapeAttribute(value: string): string {
	return value.replace(/[&<"\t\n\r]/g, (c) =>
		c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`,
	);
}

function openTag(node: XmlNode): string {
	const parts = [node.name];
	for (const [prefix, uri] of Object.entries(node.namespaces ?? {})) {
		refuseForbidden(uri, `a namespace of <${node.name}>`);
		parts.push(`${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`);
	}
	for (const [name, value] of Object.entries(node.attributes ?? {})) {
		refuseForbidden(value, `the attribute ${name} of <${node.name}>`);
		parts.push(`${name}="${escapeAttribute(value)}"`);
	}
	return parts.join(' ');
}

function writeNode(node: XmlNode, depth: number, out: string[]): void {
	const indent = '\t'.repeat(depth);
	const children = node.children ?? [];
	const text = node.text ?? '';
	refuseForbidden(text, `<${node.name}>`);
	if (children.length === 0) {
		out.push(text === '' ? `${indent}<${openTag(node)}/>` : `${indent}<${openTag(node)}>${escapeText(text)}</${node.name}>`);
		return;
	}
	out.push(`${indent}<${openTag(node)}>${escapeText(text)}`);
	for (const child of children) writeNode(child, depth + 1, out);
	out.push(`${indent}</${node.name}>`);
}

/** Writes a tree as UTF-8 XML with a declaration, one element per line, children in the given order. */
export function serializeXml(root: XmlNode): Buffer {
	const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
	writeNode(root, 0, out);
	return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}
