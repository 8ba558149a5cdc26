import { asError, FlatFileError } from './errors';
import { readEdifactInterchange, assertEdifactEnvelope, type EdifactInterchange } from './edifact/envelope';
import { readRemadv } from './edifact/remadv';
import type { RemittancePayment } from './payment';
import { assertX12Envelope, readX12Interchange, type X12Interchange } from './x12/envelope';
import { read820 } from './x12/remittance-820';

export type InboundInterchange =
	| { syntax: 'x12'; interchange: X12Interchange }
	| { syntax: 'edifact'; interchange: EdifactInterchange };

/** Tells X12 (ISA) from EDIFACT (UNA/UNB) and reads the envelope. */
export function readInterchange(text: string): InboundInterchange {
	const start = text.replace(/^\s+/, '').slice(0, 3);
	if (start === 'ISA') return { syntax: 'x12', interchange: readX12Interchange(text) };
	if (start === 'UNA' || start === 'UNB') return { syntax: 'edifact', interchange: readEdifactInterchange(text) };
	throw new FlatFileError('The file is neither X12 (ISA) nor EDIFACT (UNA/UNB)', 'line 1');
}

type Payments = Array<Omit<RemittancePayment, 'index'>>;

export interface RemittanceRead {
	payments: Payments;
	/** Content errors by transaction set / message control reference. */
	errors: Map<string, FlatFileError[]>;
}

function collect(errors: Map<string, FlatFileError[]>, key: string, read: () => Payments): Payments {
	try {
		return read();
	} catch (error) {
		if (!(error instanceof FlatFileError)) throw asError(error);
		errors.set(key, [...(errors.get(key) ?? []), error]);
		return [];
	}
}

/**
 * Payments of every 820 / REMADV in an interchange, with per-set content errors kept apart. Pushed
 * one by one: a set can hold more payments than push(...array) takes arguments.
 */
export function remittancesOf(inbound: InboundInterchange, defaultCurrency: string): RemittanceRead {
	const errors = new Map<string, FlatFileError[]>();
	const payments: Payments = [];
	if (inbound.syntax === 'x12') {
		for (const set of inbound.interchange.groups.flatMap((group) => group.transactions)) {
			if (set.code !== '820') continue;
			for (const payment of collect(errors, set.controlNumber, () => read820(set.body, set.header, defaultCurrency))) payments.push(payment);
		}
	} else {
		for (const message of inbound.interchange.messages) {
			if (message.type !== 'REMADV') continue;
			for (const payment of collect(errors, message.reference, () => readRemadv(message.body, message.header, defaultCurrency))) payments.push(payment);
		}
	}
	return { payments, errors };
}

/**
 * All payments of a remittance interchange, or the first problem as an error naming its segment:
 * a file is posted whole or not at all.
 */
export function readRemittanceInterchange(text: string, defaultCurrency: string): Payments {
	const inbound = readInterchange(text);
	if (inbound.syntax === 'x12') assertX12Envelope(inbound.interchange);
	else assertEdifactEnvelope(inbound.interchange);
	const { payments, errors } = remittancesOf(inbound, defaultCurrency);
	const [first] = [...errors.values()].flat();
	if (first) throw first;
	if (payments.length === 0) throw new FlatFileError('The interchange holds no remittance (820 or REMADV) with payments');
	return payments;
}
