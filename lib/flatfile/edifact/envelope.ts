import { FlatFileError } from '../errors';
import { interchangeTimestamp, reference, value, type Segment } from '../segments';
import {
	DEFAULT_EDIFACT_DELIMITERS,
	readEdifactSegments,
	unaString,
	writeEdifactSegment,
	type EdifactDelimiters,
	type EdifactElement,
} from './syntax';

export interface EdifactEnvelopeOptions {
	sender: string;
	receiver: string;
	/** UNB05, up to 14 characters. */
	interchangeReference: string;
	date: Date;
	test?: boolean;
}

export interface EdifactMessageBody {
	/** e.g. `INVOIC`; the version is D.96A unless `version` says otherwise. */
	type: string;
	version?: [string, string, string];
	segments: Array<[string, EdifactElement[]]>;
}

/** One interchange (UNA, UNB … UNZ) with every message's UNH/UNT count and reference filled in. */
export function buildEdifactInterchange(options: EdifactEnvelopeOptions, messages: EdifactMessageBody[]): string {
	if (messages.length === 0) throw new FlatFileError('An interchange needs at least one message');
	if (!/^[A-Za-z0-9]{1,14}$/.test(options.interchangeReference)) {
		throw new FlatFileError('The interchange reference must be 1 to 14 letters or digits');
	}
	const delimiters = DEFAULT_EDIFACT_DELIMITERS;
	const write = (tag: string, elements: EdifactElement[]) => writeEdifactSegment(delimiters, tag, elements);
	const { day, time } = interchangeTimestamp(options.date);
	const out = [
		unaString(delimiters),
		write('UNB', [
			['UNOC', 3], [options.sender, 14], [options.receiver, 14],
			[day.slice(2).replace(/-/g, ''), time.replace(':', '')],
			options.interchangeReference, undefined, undefined, undefined, undefined, undefined,
			options.test ? 1 : undefined,
		]),
	];
	messages.forEach((message, index) => {
		const reference = String(index + 1);
		const [version, release, agency] = message.version ?? ['D', '96A', 'UN'];
		out.push(write('UNH', [reference, [message.type, version, release, agency]]));
		for (const [tag, elements] of message.segments) out.push(write(tag, elements));
		out.push(write('UNT', [message.segments.length + 2, reference]));
	});
	out.push(write('UNZ', [messages.length, options.interchangeReference]));
	return out.join('\n') + '\n';
}

export interface EdifactProblem {
	message: string;
	segment: Segment;
	/** CONTRL syntax error code (UN/EDIFACT 0085). */
	code: string;
	level: 'message' | 'interchange';
}

export interface EdifactMessage {
	type: string;
	version: string;
	reference: string;
	header: Segment;
	body: Segment[];
	problems: EdifactProblem[];
}

export interface EdifactInterchange {
	delimiters: EdifactDelimiters;
	header: Segment;
	sender: string;
	receiver: string;
	reference: string;
	messages: EdifactMessage[];
	problems: EdifactProblem[];
}

// Syntax error codes of data element 0085.
const CODE_CONTROL_COUNT = '29';
const CODE_REFERENCE_MISMATCH = '28';
const CODE_MISSING = '13';
const CODE_UNEXPECTED = '15';

function readMessage(segments: Segment[], start: number): { message: EdifactMessage; next: number } {
	const header = segments[start];
	const message: EdifactMessage = {
		type: value(header, 2, 1),
		version: `${value(header, 2, 2)}.${value(header, 2, 3)}`,
		reference: value(header, 1),
		header,
		body: [],
		problems: [],
	};
	let index = start + 1;
	while (index < segments.length && !['UNT', 'UNH', 'UNZ'].includes(segments[index].tag)) {
		message.body.push(segments[index++]);
	}
	const trailer = segments[index];
	if (trailer?.tag !== 'UNT') {
		message.problems.push({ message: `Message ${message.reference} has no UNT trailer`, segment: segments[index - 1], code: CODE_MISSING, level: 'message' });
		return { message, next: index };
	}
	const declared = value(trailer, 1);
	if (declared !== String(message.body.length + 2)) {
		message.problems.push({ message: `UNT01 says ${declared || 'nothing'} segments, the message has ${message.body.length + 2}`, segment: trailer, code: CODE_CONTROL_COUNT, level: 'message' });
	}
	if (value(trailer, 2) !== message.reference) {
		message.problems.push({ message: `UNT02 reference ${value(trailer, 2) || 'missing'} does not match UNH ${message.reference}`, segment: trailer, code: CODE_REFERENCE_MISMATCH, level: 'message' });
	}
	return { message, next: index + 1 };
}

/** Reads an interchange and checks UNH/UNT and UNB/UNZ counts and references. */
export function readEdifactInterchange(text: string): EdifactInterchange {
	const { delimiters, segments } = readEdifactSegments(text);
	const header = segments[0];
	const interchange: EdifactInterchange = {
		delimiters,
		header,
		sender: value(header, 2, 1),
		receiver: value(header, 3, 1),
		reference: value(header, 5),
		messages: [],
		problems: [],
	};
	let index = 1;
	let groups = 0;
	while (index < segments.length && segments[index].tag !== 'UNZ') {
		const segment = segments[index];
		if (segment.tag === 'UNH') {
			const { message, next } = readMessage(segments, index);
			interchange.messages.push(message);
			index = next;
		} else if (segment.tag === 'UNG' || segment.tag === 'UNE') {
			if (segment.tag === 'UNG') groups++;
			index++;
		} else {
			interchange.problems.push({ message: `Unexpected segment ${segment.tag} outside a message`, segment, code: CODE_UNEXPECTED, level: 'interchange' });
			index++;
		}
	}
	const trailer = segments[index];
	const last = segments[segments.length - 1];
	if (!trailer) {
		interchange.problems.push({ message: `The interchange is truncated: it ends after segment ${last.position} (${last.tag}) without UNZ`, segment: last, code: CODE_MISSING, level: 'interchange' });
		return interchange;
	}
	const expected = groups > 0 ? groups : interchange.messages.length;
	if (value(trailer, 1) !== String(expected)) {
		interchange.problems.push({ message: `UNZ01 says ${value(trailer, 1) || 'nothing'}, the interchange has ${expected} ${groups > 0 ? 'groups' : 'messages'}`, segment: trailer, code: CODE_CONTROL_COUNT, level: 'interchange' });
	}
	if (value(trailer, 2) !== interchange.reference) {
		interchange.problems.push({ message: `UNZ02 reference ${value(trailer, 2) || 'missing'} does not match UNB ${interchange.reference}`, segment: trailer, code: CODE_REFERENCE_MISMATCH, level: 'interchange' });
	}
	return interchange;
}

export function edifactProblems(interchange: EdifactInterchange): EdifactProblem[] {
	return [...interchange.problems, ...interchange.messages.flatMap((message) => message.problems)];
}

export function assertEdifactEnvelope(interchange: EdifactInterchange): void {
	const [problem] = edifactProblems(interchange);
	if (problem) throw new FlatFileError(problem.message, reference(problem.segment));
}
