// Text edits that mutate a valid UBL document into the case a test needs.

/** Replaces the first match; a mutation that matches nothing is a broken test, so it throws. */
export function edit(xml: string, pattern: string | RegExp, replacement: string | ((match: string) => string)): string {
	const found = typeof pattern === 'string' ? xml.includes(pattern) : pattern.test(xml);
	if (!found) throw new Error(`Mutation pattern not found: ${String(pattern)}`);
	return typeof replacement === 'string' ? xml.replace(pattern, replacement) : xml.replace(pattern, replacement);
}

/** Replaces every match of a literal; throws when there is none. */
export function editAll(xml: string, literal: string, replacement: string): string {
	if (!xml.includes(literal)) throw new Error(`Mutation pattern not found: ${literal}`);
	return xml.split(literal).join(replacement);
}

/** Inserts markup right before the first occurrence of an anchor. */
export function insertBefore(xml: string, anchor: string, markup: string): string {
	return edit(xml, anchor, `${markup}${anchor}`);
}
