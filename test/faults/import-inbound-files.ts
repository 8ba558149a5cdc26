/** The files an import-under-faults run puts in `/inbound`: UBL invoices, PDF scans and PNG photos. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const baseUbl = readFileSync(join(__dirname, '../fixtures/ubl/base-example.xml'), 'utf8');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KINDS = ['ubl', 'pdf', 'png'] as const;
// One UBL in this many fails pre-validation, so files also reach error/ without Billit being asked.
const POISON_EVERY_UBL = 15;

export interface InboundFile {
	name: string;
	content: Buffer;
	/** Fails the workflow's offline pre-validation (BR-CO-16), whatever Billit does. */
	poisoned: boolean;
}

function ublNumbered(id: string): string {
	const changed = baseUbl.replace('<cbc:ID>Snippet1</cbc:ID>', `<cbc:ID>${id}</cbc:ID>`);
	if (changed === baseUbl) throw new Error('the UBL fixture has no invoice ID to replace');
	return changed;
}

function withWrongAmountDue(ubl: string): string {
	const changed = ubl.replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]+/, '$11.00');
	if (changed === ubl) throw new Error('the UBL fixture has no PayableAmount to break');
	return changed;
}

function inboundFile(index: number, kind: (typeof KINDS)[number], poisoned: boolean): InboundFile {
	const number = String(index).padStart(4, '0');
	switch (kind) {
		case 'ubl': {
			const ubl = ublNumbered(`IMPORT-${number}`);
			return { name: `invoice-${number}.xml`, content: Buffer.from(poisoned ? withWrongAmountDue(ubl) : ubl), poisoned };
		}
		case 'pdf':
			return { name: `scan-${number}.pdf`, content: Buffer.from(`%PDF-1.4\n% scanned purchase invoice ${number}\n%%EOF\n`), poisoned };
		case 'png':
			return { name: `photo-${number}.png`, content: Buffer.concat([PNG_SIGNATURE, Buffer.from(`receipt ${number}`)]), poisoned };
	}
}

/** `count` files with distinct names and contents, rotating UBL, PDF and PNG. */
export function inboundFiles(count: number): InboundFile[] {
	return Array.from({ length: count }, (_, index) => {
		const kind = KINDS[index % KINDS.length];
		const ublNumber = Math.floor(index / KINDS.length) + 1;
		return inboundFile(index + 1, kind, kind === 'ubl' && ublNumber % POISON_EVERY_UBL === 0);
	});
}
