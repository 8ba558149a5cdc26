import { FlatFileError, type SegmentReference } from './errors';

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

/** An amount in a segment; both `.` and `,` are accepted as decimal mark (ISO 9735). */
export function amount(segment: Segment, element: number, what: string, component = 1): number {
	const text = required(segment, element, what, component);
	if (!/^-?\d*(?:[.,]\d*)?$/.test(text) || !/\d/.test(text)) {
		throw new FlatFileError(`${what} "${text}" is not a number`, reference(segment, element));
	}
	return Number(text.replace(',', '.'));
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
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
	if (!match) throw new FlatFileError(`"${String(iso)}" is not an ISO date (YYYY-MM-DD)`);
	return `${match[1]}${match[2]}${match[3]}`;
}

/** Segments from `start` while `belongs` holds. */
export function takeWhile(segments: Segment[], start: number, belongs: (tag: string) => boolean) {
	let end = start;
	while (end < segments.length && belongs(segments[end].tag)) end++;
	return segments.slice(start, end);
}
