import { FlatFileError, segmentLocation } from '../errors';
import { refuseControlCharacters, type Segment } from '../segments';

export interface X12Delimiters {
	element: string;
	component: string;
	segment: string;
	repetition?: string;
}

export const DEFAULT_X12_DELIMITERS: X12Delimiters = {
	element: '*',
	component: ':',
	segment: '~',
	repetition: '^',
};

/** ISA has exactly 16 elements; its last one is the component separator. */
const ISA_ELEMENTS = 16;

/** The delimiters an interchange declares in its ISA segment. */
export function readDelimiters(text: string): X12Delimiters {
	if (!text.startsWith('ISA')) {
		throw new FlatFileError('An X12 interchange must start with ISA', segmentLocation(1));
	}
	const element = text[3];
	let index = 3;
	for (let count = 0; count < ISA_ELEMENTS; count++) {
		index = text.indexOf(element, index + (count === 0 ? 0 : 1));
		if (index < 0) {
			throw new FlatFileError('The ISA segment is truncated', segmentLocation(1, 'ISA'));
		}
	}
	const component = text[index + 1];
	const segment = text[index + 2];
	if (component === undefined || segment === undefined) {
		throw new FlatFileError('The ISA segment is truncated', segmentLocation(1, 'ISA'));
	}
	return { element, component, segment };
}

/** Splits an interchange into segments (line breaks after terminators are ignored). */
export function readX12Segments(text: string): { delimiters: X12Delimiters; segments: Segment[] } {
	const trimmed = text.replace(/^\s+/, '');
	const delimiters = readDelimiters(trimmed);
	const segments = trimmed
		.split(delimiters.segment)
		.map((raw) => raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, ''))
		.filter((raw) => raw.trim() !== '')
		.map((raw, index) => {
			const [tag, ...elements] = raw.split(delimiters.element);
			return {
				tag: tag.trim(),
				// ISA16 is the component separator itself: never split it.
				elements: elements.map((entry) =>
					tag === 'ISA' ? [entry] : entry.split(delimiters.component),
				),
				position: index + 1,
			};
		});
	return { delimiters, segments };
}

/** Writes one segment, dropping trailing empty elements; a delimiter inside a value is refused. */
export function writeX12Segment(
	delimiters: X12Delimiters,
	tag: string,
	elements: Array<string | number | undefined>,
): string {
	const texts = elements.map((entry) => (entry === undefined ? '' : String(entry)));
	while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
	for (const text of texts) {
		refuseControlCharacters(text, tag);
		const clash = [delimiters.element, delimiters.segment, delimiters.component].find((delimiter) =>
			text.includes(delimiter),
		);
		if (clash && tag !== 'ISA') {
			throw new FlatFileError(
				`The value "${text}" of segment ${tag} contains the X12 delimiter "${clash}"`,
			);
		}
	}
	return [tag, ...texts].join(delimiters.element) + delimiters.segment;
}
