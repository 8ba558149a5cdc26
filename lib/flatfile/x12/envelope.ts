import { FlatFileError } from '../errors';
import { interchangeTimestamp, reference, value, type Segment } from '../segments';
import { DEFAULT_X12_DELIMITERS, readX12Segments, writeX12Segment, type X12Delimiters } from './syntax';

export interface X12Party {
	/** ISA05/07 qualifier, `ZZ` (mutually defined) by default. */
	qualifier?: string;
	id: string;
}

export interface X12EnvelopeOptions {
	sender: X12Party;
	receiver: X12Party;
	/** ISA13 / GS06: 1 to 999999999. */
	controlNumber: number;
	/** The moment written into ISA09/10 and GS04/05. */
	date: Date;
	usage?: 'P' | 'T';
	delimiters?: X12Delimiters;
}

export interface X12TransactionBody {
	/** ST01, e.g. `810`. */
	code: string;
	/** Segments between ST and SE, as [tag, elements]. */
	segments: Array<[string, Array<string | number | undefined>]>;
}

const VERSION = '004010';
const FUNCTIONAL_IDS: Record<string, string> = { '810': 'IN', '820': 'RA', '997': 'FA' };

function controlText(number: number, width: number): string {
	if (!Number.isInteger(number) || number < 1 || String(number).length > width) {
		throw new FlatFileError(`Control number ${number} must be a whole number of up to ${width} digits`);
	}
	return String(number).padStart(width, '0');
}

function isaId(party: X12Party, what: string): string {
	if (party.id.length === 0 || party.id.length > 15) {
		throw new FlatFileError(`The ${what} ID must be 1 to 15 characters`);
	}
	return party.id.padEnd(15, ' ');
}

function compactUtc(date: Date) {
	const { day, time } = interchangeTimestamp(date);
	return { ccyymmdd: day.replace(/-/g, ''), hhmm: time.replace(':', '') };
}

/**
 * One interchange with one functional group holding the transaction sets, with every count and
 * control number filled in (SE01 counts ST to SE, GE01 sets, IEA01 groups).
 */
export function buildX12Interchange(options: X12EnvelopeOptions, bodies: X12TransactionBody[]): string {
	if (bodies.length === 0) throw new FlatFileError('An interchange needs at least one transaction set');
	const delimiters = options.delimiters ?? DEFAULT_X12_DELIMITERS;
	const write = (tag: string, elements: Array<string | number | undefined>) =>
		writeX12Segment(delimiters, tag, elements);
	const control = controlText(options.controlNumber, 9);
	const { ccyymmdd, hhmm } = compactUtc(options.date);
	const functionalId = FUNCTIONAL_IDS[bodies[0].code];
	if (!functionalId || bodies.some((body) => body.code !== bodies[0].code)) {
		throw new FlatFileError('All transaction sets of a group must be of one supported type');
	}
	const out = [
		write('ISA', [
			'00', ''.padEnd(10), '00', ''.padEnd(10),
			options.sender.qualifier ?? 'ZZ', isaId(options.sender, 'sender'),
			options.receiver.qualifier ?? 'ZZ', isaId(options.receiver, 'receiver'),
			ccyymmdd.slice(2), hhmm, 'U', '00401', control, '0', options.usage ?? 'P',
			delimiters.component,
		]),
		write('GS', [
			functionalId, options.sender.id, options.receiver.id, ccyymmdd, hhmm,
			String(options.controlNumber), 'X', VERSION,
		]),
	];
	bodies.forEach((body, index) => {
		const setControl = controlText(index + 1, 4);
		out.push(write('ST', [body.code, setControl]));
		for (const [tag, elements] of body.segments) out.push(write(tag, elements));
		out.push(write('SE', [body.segments.length + 2, setControl]));
	});
	out.push(write('GE', [bodies.length, String(options.controlNumber)]));
	out.push(write('IEA', [1, control]));
	return out.join('\n') + '\n';
}

/** Why a transaction set or group is rejected, with the X12 code an acknowledgment reports. */
export interface X12EnvelopeProblem {
	message: string;
	segment: Segment;
	/** AK5 (set) or AK9 (group) syntax error code. */
	code: string;
	level: 'set' | 'group' | 'interchange';
}

export interface X12Transaction {
	code: string;
	controlNumber: string;
	header: Segment;
	/** Segments between ST and SE. */
	body: Segment[];
	problems: X12EnvelopeProblem[];
}

export interface X12Group {
	header: Segment;
	functionalId: string;
	controlNumber: string;
	version: string;
	transactions: X12Transaction[];
	problems: X12EnvelopeProblem[];
}

export interface X12Interchange {
	delimiters: X12Delimiters;
	header: Segment;
	sender: string;
	receiver: string;
	controlNumber: string;
	groups: X12Group[];
	problems: X12EnvelopeProblem[];
}

function countMismatch(trailer: Segment, expected: number, what: string): string | undefined {
	const declared = value(trailer, 1);
	return declared === String(expected)
		? undefined
		: `${trailer.tag}01 says ${declared || 'nothing'} ${what}, there are ${expected}`;
}

function controlMismatch(trailer: Segment, element: number, header: string): string | undefined {
	const declared = value(trailer, element);
	return declared.replace(/^0+/, '') === header.replace(/^0+/, '')
		? undefined
		: `${trailer.tag}0${element} control number ${declared || 'missing'} does not match ${header}`;
}

function readTransaction(segments: Segment[], start: number): { set: X12Transaction; next: number } {
	const header = segments[start];
	const set: X12Transaction = {
		code: value(header, 1),
		controlNumber: value(header, 2),
		header,
		body: [],
		problems: [],
	};
	let index = start + 1;
	while (index < segments.length && !['SE', 'ST', 'GE', 'IEA'].includes(segments[index].tag)) {
		set.body.push(segments[index++]);
	}
	const trailer = segments[index];
	if (trailer?.tag !== 'SE') {
		const last = segments[index - 1];
		set.problems.push({ message: `Transaction set ${set.controlNumber} has no SE trailer`, segment: last, code: '2', level: 'set' });
		return { set, next: index };
	}
	const count = countMismatch(trailer, set.body.length + 2, 'segments');
	if (count) set.problems.push({ message: count, segment: trailer, code: '4', level: 'set' });
	const control = controlMismatch(trailer, 2, set.controlNumber);
	if (control) set.problems.push({ message: control, segment: trailer, code: '3', level: 'set' });
	return { set, next: index + 1 };
}

function readGroup(segments: Segment[], start: number): { group: X12Group; next: number } {
	const header = segments[start];
	const group: X12Group = {
		header,
		functionalId: value(header, 1),
		controlNumber: value(header, 6),
		version: value(header, 8),
		transactions: [],
		problems: [],
	};
	let index = start + 1;
	while (segments[index]?.tag === 'ST') {
		const { set, next } = readTransaction(segments, index);
		group.transactions.push(set);
		index = next;
	}
	const trailer = segments[index];
	if (trailer?.tag !== 'GE') {
		const last = segments[index - 1];
		group.problems.push({ message: `Functional group ${group.controlNumber} has no GE trailer`, segment: trailer ?? last, code: '3', level: 'group' });
		return { group, next: trailer?.tag === 'IEA' ? index : index + 1 };
	}
	const count = countMismatch(trailer, group.transactions.length, 'transaction sets');
	if (count) group.problems.push({ message: count, segment: trailer, code: '5', level: 'group' });
	const control = controlMismatch(trailer, 2, group.controlNumber);
	if (control) group.problems.push({ message: control, segment: trailer, code: '4', level: 'group' });
	return { group, next: index + 1 };
}

/**
 * Reads an interchange and checks its envelope: every ST has its SE with the right count and
 * control number, every GS its GE, the ISA its IEA. A missing trailer or unexpected segment is
 * reported as a problem (for a 997), not thrown; text that is not X12 at all throws.
 */
export function readX12Interchange(text: string): X12Interchange {
	const { delimiters, segments } = readX12Segments(text);
	const header = segments[0];
	const interchange: X12Interchange = {
		delimiters,
		header,
		sender: value(header, 6).trim(),
		receiver: value(header, 8).trim(),
		controlNumber: value(header, 13),
		groups: [],
		problems: [],
	};
	let index = 1;
	while (segments[index]?.tag === 'GS') {
		const { group, next } = readGroup(segments, index);
		interchange.groups.push(group);
		index = next;
	}
	const trailer = segments[index];
	const last = segments[segments.length - 1];
	if (trailer === undefined) {
		interchange.problems.push({
			message: `The interchange is truncated: it ends after segment ${last.position} (${last.tag}) without IEA`,
			segment: last,
			code: '3',
			level: 'interchange',
		});
	} else if (trailer.tag !== 'IEA') {
		interchange.problems.push({ message: `Unexpected segment ${trailer.tag}`, segment: trailer, code: '2', level: 'interchange' });
	} else {
		const count = countMismatch(trailer, interchange.groups.length, 'functional groups');
		if (count) interchange.problems.push({ message: count, segment: trailer, code: '5', level: 'interchange' });
		const control = controlMismatch(trailer, 2, interchange.controlNumber);
		if (control) interchange.problems.push({ message: control, segment: trailer, code: '4', level: 'interchange' });
		if (segments.length > index + 1) {
			const extra = segments[index + 1];
			interchange.problems.push({ message: `Unexpected segment ${extra.tag} after IEA`, segment: extra, code: '2', level: 'interchange' });
		}
	}
	return interchange;
}

/** Every envelope problem of the interchange, outermost first. */
export function x12Problems(interchange: X12Interchange): X12EnvelopeProblem[] {
	return [
		...interchange.problems,
		...interchange.groups.flatMap((group) => [
			...group.problems,
			...group.transactions.flatMap((set) => set.problems),
		]),
	];
}

/** Throws the first envelope problem, naming its segment. */
export function assertX12Envelope(interchange: X12Interchange): void {
	const [problem] = x12Problems(interchange);
	if (problem) throw new FlatFileError(problem.message, reference(problem.segment));
}

