import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { UblDocumentError } from '../../../lib/ubl/errors';
import { parseUbl, readUblElement, readUblPayload } from '../../../lib/ubl/parse';
import { repoRoot } from '../../support/n8n/repo';

const invoice = readFileSync(join(repoRoot, 'test/fixtures/ubl/Snippet-full.xml'), 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
const SBDH = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';
const envelope = (payload: string) =>
	`<?xml version="1.0" encoding="UTF-8"?><StandardBusinessDocument xmlns="${SBDH}"><StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>${payload}</StandardBusinessDocument>`;

describe('one way into UBL: the Peppol envelope and the root check', () => {
	it('reads the same invoice with and without its Standard Business Document envelope', () => {
		const bare = parseUbl(invoice);
		const wrapped = parseUbl(envelope(invoice));
		expect(wrapped.kind).toBe('Invoice');
		expect(wrapped.document).toEqual(bare.document);
		expect(readUblPayload(Buffer.from(envelope(invoice))).document).toEqual(bare.document);
		expect(readUblElement(envelope(invoice)).local).toBe('Invoice');
	});

	it('refuses an envelope without a UBL payload, and a root that is not UBL, with the same error type', () => {
		const empty = () => parseUbl(envelope('<Order xmlns="urn:example:order"/>'));
		expect(empty).toThrow(UblDocumentError);
		expect(empty).toThrow('The Standard Business Document holds no UBL Invoice, CreditNote or ApplicationResponse');
		expect(() => readUblElement('<Order xmlns="urn:example:order"/>')).toThrow(UblDocumentError);
		expect(() => readUblElement('<Invoice xmlns="urn:example:invoice"/>')).toThrow(/UBL Invoice must be in/);
	});
});
