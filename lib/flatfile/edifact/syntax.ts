import { FlatFileError, segmentLocation } from '../errors';
import { refuseControlCharacters, type Segment } from '../segments';

export interface EdifactDelimiters {
	component: string;
	element: string;
	decimal: string;
	release: string;
	segment: string;
}

export const DEFAULT_EDIFACT_DELIMITERS: EdifactDelimiters = {
	component: ':',
	element: '+',
	decimal: '.',
	release: '?',
	segment: "'",
};

/** Splits an interchange into segments, honouring the UNA service string and release character. */
export function readEdifactSegments(text: string): { delimiters: EdifactDelimiters; segments: Segment[] } {
	let body = text.replace(/^\s+/, '');
	let delimiters = DEFAULT_EDIFACT_DELIMITERS;
	if (body.startsWith('UNA')) {
		const service = body.slice(3, 9);
		if (service.length < 6) throw new FlatFileError('The UNA service string is truncated', segmentLocation(1, 'UNA'));
		delimiters = {
			component: service[0],
			element: service[1],
			decimal: service[2],
			release: service[3],
			segment: service[5],
		};
		body = body.slice(9).replace(/^[\r\n]+/, '');
	}
	if (!body.startsWith('UNB')) {
		throw new FlatFileError('An EDIFACT interchange must start with UNA or UNB', segmentLocation(1));
	}
	const segments: Segment[] = [];
	let elements: string[][] = [[]];
	let current = '';
	const endComponent = () => {
		elements[elements.length - 1].push(current);
		current = '';
	};
	for (let index = 0; index < body.length; index++) {
		const char = body[index];
		if (char === delimiters.release) {
			current += body[++index] ?? '';
		} else if (char === delimiters.component) {
			endComponent();
		} else if (char === delimiters.element) {
			endComponent();
			elements.push([]);
		} else if (char === delimiters.segment) {
			endComponent();
			const [tag, ...rest] = elements;
			segments.push({ tag: tag[0].trim(), elements: rest, position: segments.length + 1 });
			elements = [[]];
			while (body[index + 1] === '\r' || body[index + 1] === '\n') index++;
		} else {
			current += char;
		}
	}
	if (current.trim() !== '' || elements.length > 1) {
		const tag = (elements[0][0] ?? current).trim();
		throw new FlatFileError(
			`The interchange is truncated: the last segment has no terminator`,
			segmentLocation(segments.length + 1, tag || undefined),
		);
	}
	return { delimiters, segments };
}

function escape(text: string, delimiters: EdifactDelimiters): string {
	let out = '';
	for (const char of text) {
		if ([delimiters.release, delimiters.component, delimiters.element, delimiters.segment].includes(char)) {
			out += delimiters.release;
		}
		out += char;
	}
	return out;
}

export type EdifactElement = string | number | undefined | Array<string | number | undefined>;

/** Writes one segment with release characters, dropping trailing empty elements and components. */
export function writeEdifactSegment(delimiters: EdifactDelimiters, tag: string, elements: EdifactElement[]): string {
	const texts = elements.map((element) => {
		const components = (Array.isArray(element) ? element : [element]).map((entry) => {
			if (entry === undefined) return '';
			refuseControlCharacters(String(entry), tag);
			return escape(String(entry), delimiters);
		});
		while (components.length > 0 && components[components.length - 1] === '') components.pop();
		return components.join(delimiters.component);
	});
	while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
	return [tag, ...texts].join(delimiters.element) + delimiters.segment;
}

export function unaString(delimiters: EdifactDelimiters): string {
	const { component, element, decimal, release, segment } = delimiters;
	return `UNA${component}${element}${decimal}${release} ${segment}`;
}
