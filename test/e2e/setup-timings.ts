/** How long each step of a global setup took, for the one summary line the setup prints. */
export class SetupTimings {
	private readonly entries: string[] = [];

	/** Runs the step and records its time once it succeeded (an arrow, so it can be passed around). */
	readonly timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await step();
		this.entries.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return result;
	};

	/** `label 1.2 s, label 3.4 s`, in the order the steps ended. */
	summary(): string {
		return this.entries.join(', ');
	}
}
