import { describe, expect, it } from 'vitest';

import { parseXml } from '../../../lib/ubl/xml';
import { listElementPaths, walkElements } from '../../support/ubl/element-paths';
import { serializeXml } from '../../../lib/ubl/xml-writer';
import { readFixture } from './fixtures';

describe('parseXml', () => {
	it('resolves namespaces whatever prefix the document uses', () => {
		const root = parseXml(
			'<inv:Invoice xmlns:inv="urn:i" xmlns:b="urn:b">\n  <b:ID schemeID="0088">1</b:ID>\n  <Plain/>\n</inv:Invoice>',
		);
		expect(root).toMatchObject({ name: 'inv:Invoice', ns: 'urn:i', local: 'Invoice', line: 1, column: 1 });
		expect(root.namespaces).toEqual({ inv: 'urn:i', b: 'urn:b' });
		const [id, plain] = root.children;
		expect(id).toMatchObject({ name: 'b:ID', ns: 'urn:b', local: 'ID', text: '1', line: 2, column: 3 });
		expect(id.attributes).toEqual({ schemeID: '0088' });
		expect(plain).toMatchObject({ ns: '', local: 'Plain', children: [] });
	});

	it('keeps element order and positions of a real document', () => {
		const text = readFixture('Snippet-full.xml').toString('utf8');
		const lines = text.split('\n');
		const root = parseXml(text);
		expect(root.children.slice(0, 4).map((child) => child.local)).toEqual([
			'CustomizationID',
			'ProfileID',
			'ID',
			'IssueDate',
		]);
		walkElements(root, (element) => {
			expect(lines[element.line - 1].slice(element.column - 1)).toMatch(new RegExp(`^<${element.name}[\\s/>]`));
		});
	});

	it('reads CDATA as text', () => {
		expect(parseXml('<x><![CDATA[a < b & c]]></x>').text).toBe('a < b & c');
	});

	it('counts positions of tags that span lines from their "<"', () => {
		const root = parseXml('<a\n  b="1"><c\n/></a>');
		expect([root.children[0].line, root.children[0].column]).toEqual([2, 9]);
	});
});

describe('element paths', () => {
	it('index repeated siblings only', () => {
		const root = parseXml('<r><a/><b><c/></b><a><c/></a></r>');
		const paths: string[] = [];
		walkElements(root, (_element, path) => paths.push(path));
		expect(paths).toEqual(['/r', '/r/a[1]', '/r/b', '/r/b/c', '/r/a[2]', '/r/a[2]/c']);
		expect(listElementPaths(root)).toEqual(['/r', '/r/a', '/r/b', '/r/b/c', '/r/a', '/r/a/c']);
	});
});

describe('serializeXml', () => {
	it('writes a UTF-8 declaration, namespaces, attributes and children in order', () => {
		const xml = serializeXml({
			name: 'Invoice',
			namespaces: { '': 'urn:i', cbc: 'urn:b' },
			children: [
				{ name: 'cbc:ID', text: 'A-1', attributes: { schemeID: '0088' } },
				{ name: 'cbc:Empty' },
			],
		}).toString('utf8');
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:i" xmlns:cbc="urn:b">\n\t<cbc:ID schemeID="0088">A-1</cbc:ID>\n\t<cbc:Empty/>\n</Invoice>\n',
		);
	});

	it('escapes text and attributes so they read back unchanged', () => {
		const text = 'Fish & Chips <b> "quoted" \'single\' ]]> line\r\nnext é 😀';
		const attribute = 'a&b<c>"d"\te\nf';
		const xml = serializeXml({ name: 'x', attributes: { v: attribute }, text });
		const back = parseXml(xml);
		expect(back.text).toBe(text);
		expect(back.attributes.v).toBe(attribute);
	});

	it('refuses characters XML cannot carry', () => {
		expect(() => serializeXml({ name: 'x', text: 'bell\u0007' })).toThrow('The character U+0007 in <x> cannot be written to XML');
		expect(() => serializeXml({ name: 'x', attributes: { a: '\u0000' } })).toThrow(/U\+0000 in the attribute a/);
	});
});
