/**
 * The UBL engineer's XML-library comparison (`bench/ubl-xml-library.ts`), run as it is and its
 * printout turned into rows: safety verdicts become notes, speeds become ratios to lib/ubl's parser.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { BenchResult, Benchmark } from './types';

const SCRIPT = join(__dirname, 'ubl-xml-library.ts');
const TSX = join(__dirname, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const ITERATIONS = '200';
const SPEED_LINE = /^\s+(.+?)\s+(\d+) docs\/s\s+×([\d.]+)$/;
const VERDICT_LINE = /^\s{4}(.+?)\s{2,}(EXPANDED|accepted|refused.*)$/;

export const xmlLibraryBenchmark: Benchmark = {
	name: 'xml-library',
	title: 'XML library candidates for lib/ubl',
	async run(): Promise<BenchResult> {
		const { stdout } = await promisify(execFile)(process.execPath, [TSX, SCRIPT, ITERATIONS], {
			maxBuffer: 1024 * 1024,
		});
		const lines = stdout.split('\n');
		const speeds = lines.flatMap((line) => {
			const match = SPEED_LINE.exec(line);
			return match ? [{ name: match[1], rate: Number(match[2]) }] : [];
		});
		const [ours, ...others] = speeds;
		if (!ours || others.length === 0) throw new Error(`bench/ubl-xml-library.ts printed no speeds:\n${stdout}`);
		const rows = others.map((other) => ({
			measure: `parse fixtures vs ${other.name}`,
			ours: `${ours.rate} docs/s`,
			reference: `${other.rate} docs/s`,
			ratio: ours.rate / other.rate,
		}));
		let candidate = '';
		const unsafe: string[] = [];
		for (const line of lines) {
			const verdict = VERDICT_LINE.exec(line);
			if (verdict && verdict[2] === 'EXPANDED') unsafe.push(`${candidate}: ${verdict[1]}`);
			else if (/^\s{2}\S/.test(line) && !SPEED_LINE.test(line)) candidate = line.trim();
		}
		return {
			rows,
			notes: [
				`\`npx tsx bench/ubl-xml-library.ts ${ITERATIONS}\`: the twelve fixtures, best of 5 interleaved rounds. Ours is lib/ubl parseXml (@rgrove/parse-xml + namespaces + UTF-8 check + positions).`,
				unsafe.length === 0 ? 'No candidate expanded a hostile entity.' : `Expanded hostile entities: ${unsafe.join('; ')}.`,
			],
		};
	},
};
