/**
 * A flat-file problem with the place it was found ("line 4", "segment 7 (BPR)"), so a partner or
 * an operator can fix the file without reading code.
 */
export class FlatFileError extends Error {
	readonly location?: string;

	/** For X12/EDIFACT: the segment in error, so an acknowledgment can point at it. */
	readonly segment?: SegmentReference;

	constructor(message: string, location?: string | SegmentReference) {
		const place =
			typeof location === 'object' ? segmentLocation(location.position, location.tag) : location;
		super(place ? `${message} (${place})` : message);
		this.name = 'FlatFileError';
		this.location = place;
		if (typeof location === 'object') this.segment = location;
	}
}

export interface SegmentReference {
	/** 1-based position in the interchange. */
	position: number;
	tag: string;
	/** 1-based element position, when one element is at fault. */
	element?: number;
}

export function lineLocation(line: number): string {
	return `line ${line}`;
}

export function segmentLocation(position: number, tag?: string): string {
	return tag ? `segment ${position} (${tag})` : `segment ${position}`;
}

/** The same problem, with a prefix (the column) and/or the place it was found. */
export function relocated(error: unknown, options: { prefix?: string; location?: string }): FlatFileError {
	const message = (error as Error).message;
	return new FlatFileError(options.prefix ? `${options.prefix}: ${message}` : message, options.location);
}

/** Anything thrown while reading a file, as an Error. */
export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}
