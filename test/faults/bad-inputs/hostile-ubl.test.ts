/**
 * Hostile and broken UBL given to the Billit Peppol node: each is refused with its specific error
 * before anything reaches Billit (the emulator logs no request at all), by Send and by Parse.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { parseUbl } from '../../../lib/ubl/parse';
import { binaryItem } from '../../support/fake-n8n/execute';
import { runPeppol } from '../../integration/billit-peppol/harness';
import { resetEmulator, startBillitEmulator } from '../support/billit';
import { deeplyNested, hostileXmlCases, hugeDocument } from '../support/ubl-samples';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	resetEmulator(emulator);
});

function ublItem(xml: Buffer) {
	return binaryItem(xml, 'invoice.xml', { mimeType: 'application/xml' });
}

async function runDocument(operation: 'send' | 'parse', xml: Buffer) {
	return await runPeppol(
		emulator,
		{
			resource: 'document',
			operation,
			ublInput: 'binary',
			binaryPropertyName: 'data',
			source: 'ubl',
			// The parser itself must refuse these, not the business-rule check.
			skipValidation: true,
			options: {},
		},
		{ items: [ublItem(xml)] },
	);
}

describe('Billit Peppol Send refuses hostile UBL without calling Billit', () => {
	it.each(hostileXmlCases)('$name', async ({ xml, error }) => {
		const failure = await runDocument('send', xml).then(
			() => undefined,
			(thrown: unknown) => thrown as Error,
		);
		expect(failure?.message).toMatch(error);
		// Nothing of a local file may travel back in the error.
		expect(failure?.message).not.toMatch(/root:x:0:0/);
		expect(emulator.admin.requests()).toEqual([]);
	});
});

describe('Billit Peppol Parse refuses hostile UBL', () => {
	it.each(hostileXmlCases)('$name', async ({ xml, error }) => {
		await expect(runDocument('parse', xml)).rejects.toThrow(error);
		expect(emulator.admin.requests()).toEqual([]);
	});
});

describe('UBL library limits', () => {
	it('refuses a 200 MB document by its size before parsing', () => {
		const huge = hugeDocument();
		expect(() => parseUbl(huge)).toThrow(
			/The document is 209715200 bytes, above the limit of 20971520 bytes/,
		);
	});

	it('refuses nesting deeper than any UBL document needs', () => {
		expect(() => parseUbl(deeplyNested(5_000))).toThrow(/deep|nest|depth/i);
	});
});
