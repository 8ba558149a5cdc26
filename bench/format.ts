import type { BenchRow } from './types';

export function perSecond(count: number, seconds: number, unit: string): string {
	const rate = count / seconds;
	return `${rate >= 100 ? rate.toFixed(0) : rate.toFixed(1)} ${unit}/s`;
}

export function formatRatio(ratio: number | undefined): string {
	if (ratio === undefined) return '';
	return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

function verdict(row: BenchRow): string {
	if (row.met === undefined) return '';
	return row.met ? 'yes' : 'NO';
}

/** A Markdown table, readable as plain text in a terminal too. */
export function markdownTable(rows: BenchRow[]): string {
	const header = ['Measure', 'Ours', 'Reference', 'Ratio', 'Goal', 'Met'];
	const cells = rows.map((row) => [
		row.measure,
		row.ours,
		row.reference ?? '',
		formatRatio(row.ratio),
		row.goal ?? '',
		verdict(row),
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
	const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
