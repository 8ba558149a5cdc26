/** One measured line of a benchmark: our figure, the reference measured in the same run, and the goal. */
export interface BenchRow {
	measure: string;
	/** Our figure, already formatted with its unit (e.g. `812 files/s`). */
	ours: string;
	/** The reference figure measured side by side, formatted; empty when there is none. */
	reference?: string;
	/** ours ÷ reference, oriented so that higher is better for us. */
	ratio?: number;
	/** The goal as text (e.g. `≥ 0.8×`); empty when the line is informative only. */
	goal?: string;
	/** Whether the goal is met; undefined without a goal. */
	met?: boolean;
}

export interface BenchResult {
	rows: BenchRow[];
	/** Facts a reader needs to interpret the rows (sizes, what ran where, substitutions made). */
	notes: string[];
}

/** Flags given on the command line after the names. */
export interface BenchOptions {
	/** `--quick`: a smaller run of the long benchmarks, for trying them out. */
	quick: boolean;
}

export interface Benchmark {
	/** Name on the command line, e.g. `small-files`. */
	name: string;
	title: string;
	run(options: BenchOptions): Promise<BenchResult>;
}
