import { FlatFileError, type SegmentReference } from './errors';
import { amountProblem, isCalendarDate, isoParts } from './formats';
import { firstControlCharacter } from '../text/control-characters';

/**
 * One X12 or EDIFACT segment. `elements[0]` is the first data element after the tag; each element
 * is a list of components (X12 elements mostly have one).
 */
export interface Segment {
	tag: string;
	elements: string[][];
	/** 1-based position in the interchange. */
	position: number;
}

export function reference(segment: Segment, element?: number): SegmentReference {
	return { position: segment.position, tag: segment.tag, element };
}

/** Component `component` (1-based) of element `element` (1-based), '' when absent. */
export function value(segment: Segment, element: number, component = 1): string {
	return segment.elements[element - 1]?.[component - 1] ?? '';
}

/** A value that must be present. */
export function required(segment: Segment, element: number, what: string, component = 1): string {
	const text = value(segment, element, component).trim();
	if (text === '') {
		throw new FlatFileError(`${what} is missing`, reference(segment, element));
	}
	return text;
}

/** The decimal marks a syntax accepts: X12 only the period; EDIFACT the period or the comma (ISO 9735). */
export const X12_DECIMAL_MARKS = '.';
export const EDIFACT_DECIMAL_MARKS = '.,';

/**
 * An amount in a segment: optional minus, digits, one of the syntax's decimal marks, finite and exact
 * (at most 15 digits before the mark), never negative zero. X12 has no thousands separator, so
 * `1,000` is refused there rather than read as 1.
 */
export function amount(segment: Segment, element: number, what: string, component = 1, decimalMarks = EDIFACT_DECIMAL_MARKS): number {
	const text = required(segment, element, what, component);
	const mark = `[${decimalMarks.replace(/[\]\\^-]/g, '\\$&')}]`;
	if (!new RegExp(`^-?(?:\\d+(?:${mark}\\d*)?|${mark}\\d+)$`).test(text)) {
		throw new FlatFileError(`${what} "${text}" is not a number`, reference(segment, element));
	}
	const number = Number(text.replace(',', '.'));
	const problem = amountProblem(number, text);
	if (problem) throw new FlatFileError(`${what}: ${problem}`, reference(segment, element));
	return number;
}

/** An X12 amount (period only). */
export function x12Amount(segment: Segment, element: number, what: string): number {
	return amount(segment, element, what, 1, X12_DECIMAL_MARKS);
}

/** `CCYYMMDD` (or `YYMMDD`) → `YYYY-MM-DD`. */
export function compactDate(segment: Segment, element: number, what: string, component = 1): string {
	const text = required(segment, element, what, component);
	const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})$/.exec(text);
	const century = match?.[1] ?? '20';
	const iso = match ? `${century}${match[2]}-${match[3]}-${match[4]}` : '';
	const date = new Date(`${iso}T00:00:00Z`);
	if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
		throw new FlatFileError(`${what} "${text}" is not a date (CCYYMMDD)`, reference(segment, element));
	}
	return iso;
}

export function isoToCompactDate(iso: string | undefined): string {
	const parts = typeof iso === 'string' ? isoParts(iso) : undefined;
	if (!parts) throw new FlatFileError(`"${String(iso)}" is not an ISO date (YYYY-MM-DD)`);
	if (!isCalendarDate(parts)) throw new FlatFileError(`"${iso}" is not a valid calendar date`);
	return iso!.trim().slice(0, 10).replace(/-/g, '');
}

/** The interchange date and time in UTC as `YYYY-MM-DD` and `HH:mm`; an invalid date is refused. */
export function interchangeTimestamp(date: Date): { day: string; time: string } {
	const year = date.getUTCFullYear();
	if (Number.isNaN(date.getTime()) || year < 1 || year > 9999) {
		throw new FlatFileError(`The interchange date ${String(date)} is not a valid date`);
	}
	const iso = date.toISOString();
	return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Refuses a value holding a control character (see `firstControlCharacter`), naming the segment. */
export function refuseControlCharacters(text: string, tag: string): void {
	const control = firstControlCharacter(text);
	if (control) throw new FlatFileError(`A value of segment ${tag} holds the control character ${control}, which EDI cannot carry`);
}
