/**
 * C0 and C1 control characters (DEL included), line and paragraph separators and bidirectional
 * controls: in a file name or a partner record one may end a line or segment early, or make the
 * text read differently from what it holds.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** The first control character of a text as `U+XXXX`, undefined when it has none. */
export function firstControlCharacter(text: string): string | undefined {
	const found = CONTROL_CHARACTER.exec(text);
	return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}
