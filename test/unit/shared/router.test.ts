import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { createRouter, errorItem } from '../../../nodes/shared/router';

const node = { id: 'n1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

function context(inputs: number, parameters: Record<string, string>, continueOnFail: boolean): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: inputs }, (_, index) => ({ json: { index } })),
		getNodeParameter: (name: string) => parameters[name],
		continueOnFail: () => continueOnFail,
		getNode: () => node,
	} as unknown as IExecuteFunctions;
}

class KindError extends Error {
	readonly kind = 'notFound';
}

describe('the router of every action node', () => {
	it('pairs each output with its item and keeps a pairing the operation gave', async () => {
		const router = createRouter({
			resources: {
				file: {
					description: [],
					operations: {
						list: {
							description: [],
							execute: async (itemIndex: number): Promise<INodeExecutionData[]> =>
								itemIndex === 0 ? [{ json: { a: 1 } }, { json: { b: 2 } }] : [{ json: { c: 3 }, pairedItem: { item: 0 } }],
						},
					},
				},
			},
		});
		const [output] = await router.call(context(2, { resource: 'file', operation: 'list' }, false));
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('gives every failure one error-item shape: error, and details when there is more to say', async () => {
		const run = context(2, {}, true);
		expect(errorItem(run, new Error('plain'), { item: 0 }).json).toEqual({ error: 'plain' });
		expect(errorItem(run, new KindError('gone'), { item: 1 }).json).toEqual({ error: 'gone', details: { kind: 'notFound' } });
		const withDetails = errorItem(run, new KindError('bad'), [{ item: 0 }, { item: 1 }], () => ({ violations: ['BR-01'] }));
		expect(withDetails.json).toEqual({ error: 'bad', details: { kind: 'notFound', violations: ['BR-01'] } });
		expect(withDetails.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('puts the error on the failed item only for n8n 1.x, which routes by it (n8n 2.x would drop the details)', () => {
		expect(errorItem(context(1, {}, true), new KindError('gone'), { item: 0 }).error).toBeUndefined();
		const failed = errorItem(context(1, {}, true), new KindError('refused'), { item: 0 }, undefined, undefined, true);
		expect(failed.json).toEqual({ error: 'refused', details: { kind: 'notFound' } });
		expect(failed.error).toBeInstanceOf(NodeOperationError);
		expect(failed.error?.message).toBe('refused');
		expect(failed.error?.context.itemIndex).toBe(0);
	});

	it('opens a per-execution setup once, runs items on it and closes it; a failed connection fails every item', async () => {
		const log: string[] = [];
		const operations = {
			touch: { description: [], execute: async (itemIndex: number, run: { name: string }) => [{ json: { itemIndex, run: run.name } }] },
		};
		const setup = (connectFails: boolean) => ({
			open: () => ({ name: 'connection' }),
			connect: async () => {
				log.push('connect');
				if (connectFails) throw new KindError('refused');
			},
			close: async () => {
				log.push('close');
			},
			concurrency: () => 2,
		});
		const [output] = await createRouter({ operations, setup: setup(false) }).call(context(3, { operation: 'touch' }, false));
		expect(output.map((item) => item.json)).toEqual([0, 1, 2].map((itemIndex) => ({ itemIndex, run: 'connection' })));
		expect(log).toEqual(['connect', 'close']);

		log.length = 0;
		const [failed] = await createRouter({ operations, setup: setup(true) }).call(context(2, { operation: 'touch' }, true));
		expect(failed.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual(
			[0, 1].map((item) => ({ json: { error: 'refused', details: { kind: 'notFound' } }, pairedItem: { item } })),
		);
		expect(log).toEqual(['connect']);
		await expect(createRouter({ operations, setup: setup(true) }).call(context(2, { operation: 'touch' }, false))).rejects.toThrow(NodeOperationError);
	});

	it('hands all items to a batch operation, and refuses an operation it does not know', async () => {
		const operations = {
			toFile: { description: [], executeBatch: async () => [{ json: { files: 1 }, pairedItem: [{ item: 0 }, { item: 1 }] }] },
		};
		const [output] = await createRouter({ operations }).call(context(2, { operation: 'toFile' }, false));
		expect(output).toEqual([{ json: { files: 1 }, pairedItem: [{ item: 0 }, { item: 1 }] }]);
		await expect(createRouter({ operations }).call(context(1, { operation: 'other' }, true))).rejects.toThrow('The operation "other" is not supported');
	});

	it('under continue-on-fail a failing item becomes an error item and the others still run', async () => {
		const operations = {
			maybe: {
				description: [],
				execute: async (itemIndex: number) => {
					if (itemIndex === 1) throw new Error('item 1 is bad');
					return [{ json: { itemIndex } }];
				},
			},
		};
		const [output] = await createRouter({ operations }).call(context(3, { operation: 'maybe' }, true));
		expect(output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { itemIndex: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'item 1 is bad' }, pairedItem: { item: 1 } },
			{ json: { itemIndex: 2 }, pairedItem: { item: 2 } },
		]);
		const stopped = createRouter({ operations }).call(context(3, { operation: 'maybe' }, false));
		await expect(stopped).rejects.toMatchObject({ message: 'item 1 is bad', context: { itemIndex: 1 } });
	});
});
