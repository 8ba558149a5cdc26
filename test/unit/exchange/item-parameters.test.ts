import type { IExecuteFunctions } from 'n8n-workflow';
import { describe, expect, it, vi } from 'vitest';

import { holdsExpression, ItemParameters } from '../../../nodes/FileExchange/helpers/itemParameters';

/** n8n's getNodeParameter over stored `raw` values; an `=` string resolves to its text and the item index. */
function nodeWith(raw: Record<string, unknown>) {
	const resolve = (value: unknown, itemIndex: number): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) return `${value.slice(1)}#${itemIndex}`;
		if (value !== null && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner, itemIndex)]));
		}
		return value;
	};
	const getNodeParameter = vi.fn(
		(name: string, itemIndex: number, fallback?: unknown, options?: { rawExpressions?: boolean }) => {
			const value = name in raw ? raw[name] : fallback;
			return options?.rawExpressions ? value : resolve(value, itemIndex);
		},
	);
	const resolvedCalls = () => getNodeParameter.mock.calls.filter(([, , , options]) => !options?.rawExpressions).length;
	return { context: { getNodeParameter } as unknown as IExecuteFunctions, resolvedCalls };
}

describe('holdsExpression', () => {
	it('finds an expression at any depth of a collection', () => {
		expect(holdsExpression('={{ $json.name }}')).toBe(true);
		expect(holdsExpression({ options: { fileMode: '664', folders: ['a', '={{ 1 }}'] } })).toBe(true);
		expect(holdsExpression({ fileMode: '664', atomic: true, count: 3, none: null })).toBe(false);
		expect(holdsExpression('a = b')).toBe(false);
	});
});

describe('ItemParameters', () => {
	it('resolves a fixed value once for all items and an expression for every item', () => {
		const { context, resolvedCalls } = nodeWith({ baseFolder: '/export', pathTemplate: '=name' });
		const parameters = new ItemParameters(context);
		const read = [0, 1, 2].map((index) => [parameters.get('baseFolder', index), parameters.get('pathTemplate', index)]);
		expect(read).toEqual([
			['/export', 'name#0'],
			['/export', 'name#1'],
			['/export', 'name#2'],
		]);
		// baseFolder once, pathTemplate three times
		expect(resolvedCalls()).toBe(4);
	});

	it('keeps resolving a collection per item when one of its values is an expression', () => {
		const { context } = nodeWith({ templateValues: { invoice_type: 'sales', order_number: '=order' } });
		const parameters = new ItemParameters(context);
		expect(parameters.get('templateValues', 0)).toEqual({ invoice_type: 'sales', order_number: 'order#0' });
		expect(parameters.get('templateValues', 1)).toEqual({ invoice_type: 'sales', order_number: 'order#1' });
	});

	it('uses the fallback for a parameter the node does not store', () => {
		const { context } = nodeWith({});
		expect(new ItemParameters(context).get('uploadOptions', 0, {})).toEqual({});
	});
});
