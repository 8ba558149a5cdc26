import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseFilter, matches } from '../../../emulator/odata';
import { BaseExchangeClient } from '../../../lib/exchange/base-client';
import { ExchangeError } from '../../../lib/exchange/errors';
import { PathTemplateError, resolvePathTemplate } from '../../../lib/exchange/paths/path-template';
import { firstControlCharacter } from '../../../lib/text/control-characters';
import { hostileText } from './flatfile-generators';
import { expectLinearTime } from './linear-time';
import { assertProperty } from './settings';

const CONTROLS = ['\u0000', '\r', '\n', '\t', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c'];
const OPTIONS = { baseFolder: '/export' };

/** A client whose server is never reached: the name check comes before any request. */
const client = Object.create(BaseExchangeClient.prototype) as BaseExchangeClient;

describe('Remote names and OData filters: properties', () => {
	it('a path template resolves to a name without control characters, or refuses with its own error', () => {
		assertProperty(
			fc.property(hostileText, hostileText, (orderNumber, fileName) => {
				try {
					const { path } = resolvePathTemplate('[year]/[order_number]-[file_name]', { order_number: orderNumber, file_name: fileName, documentDate: '2026-03-31' }, OPTIONS);
					expect(firstControlCharacter(path)).toBeUndefined();
					expect(path.startsWith('/export/2026/')).toBe(true);
				} catch (error) {
					expect(error).toBeInstanceOf(PathTemplateError);
				}
			}),
			400,
		);
	});

	it('the client refuses to create a file, folder or move target whose name holds a control character', async () => {
		await assertProperty(
			fc.asyncProperty(fc.constantFrom(...CONTROLS), fc.nat({ max: 8 }), async (control, at) => {
				const name = `/out/invoice.xml`.slice(0, 5 + at) + control + `/out/invoice.xml`.slice(5 + at);
				for (const attempt of [
					() => client.upload(Buffer.from('x'), name, { atomic: true, onConflict: 'fail' }),
					() => client.mkdirp(name),
					() => client.move('/in/a.xml', name),
				]) {
					const error = await attempt().catch((caught: unknown) => caught);
					expect(error).toBeInstanceOf(ExchangeError);
					expect((error as ExchangeError).kind).toBe('invalidName');
				}
			}),
			60,
		);
	});

	it('resolves path templates in time linear in the value length', { timeout: 60_000 }, () => {
		// Many calls on values of moderate size: one huge string would measure the garbage collector.
		const resolveMany = (value: string) => {
			for (let call = 0; call < 200; call++) resolvePathTemplate('[order_number].xml', { order_number: value }, OPTIONS);
		};
		expectLinearTime((n) => 'AB/'.repeat(n), resolveMany, 250);
	});

	it('parses and evaluates OData filters in linear time, and refuses deep nesting with its own error', { timeout: 60_000 }, () => {
		expectLinearTime(
			(n) => Array.from({ length: n }, (_, index) => `(OrderNumber eq 'A''${index}' or contains(Reference, 'x'))`).join(' and '),
			(filter) => {
				try {
					matches(parseFilter(filter), { OrderNumber: 'A', Reference: 'x' });
				} catch (error) {
					expect((error as { status?: number }).status).toBe(400);
				}
			},
			2_000,
		);
		assertProperty(
			fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', 'not ', 'not ('), (depth, open) => {
				const filter = `${open.repeat(depth)}OrderID eq 1${open.includes('(') ? ')'.repeat(depth) : ''}`;
				try {
					matches(parseFilter(filter), { OrderID: 1 });
				} catch (error) {
					expect(error).not.toBeInstanceOf(RangeError);
					expect((error as { status?: number }).status).toBe(400);
				}
			}),
			30,
		);
	});
});
