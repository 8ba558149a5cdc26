/** Unique secret values and the places where none of them may show up. */
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { vi } from 'vitest';

export function canary(label: string): string {
	return `canary-${label}-${randomBytes(8).toString('hex')}`;
}

/** An error or value written out fully: own properties, causes and nested objects. */
export function serialiseFully(value: unknown): string {
	const json = JSON.stringify(value, (_key, inner: unknown) =>
		inner instanceof Error
			? Object.fromEntries(Object.getOwnPropertyNames(inner).map((name) => [name, (inner as never)[name]]))
			: inner,
	);
	return `${json}\n${inspect(value, { depth: 12, showHidden: true, getters: true })}`;
}

/** What the running code printed: console calls and direct writes to stdout and stderr. */
export function captureLogs(): { text: () => string; restore: () => void } {
	const lines: string[] = [];
	const record = (...args: unknown[]) => {
		lines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' '));
	};
	const spies = [
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			vi.spyOn(console, method).mockImplementation(record),
		),
		vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
		vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
	];
	return {
		text: () => lines.join('\n'),
		restore: () => spies.forEach((spy) => spy.mockRestore()),
	};
}

/** Settles a promise into its value or its error, both to be searched for canaries. */
export async function outcome(promise: Promise<unknown>): Promise<unknown> {
	return await promise.then(
		(value) => value,
		(error: unknown) => error,
	);
}
