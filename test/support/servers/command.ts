import { spawn } from 'node:child_process';

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a program without a shell and collects its output; `input` goes to its stdin (for secrets). */
export async function runCommand(
	file: string,
	args: readonly string[],
	options: { input?: string } = {},
): Promise<CommandResult> {
	return await new Promise((resolve, reject) => {
		const input = options.input;
		 
		const child = spawn(file, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
		if (input !== undefined && child.stdin) {
			// A program that exits without reading its input must not crash the caller.
			child.stdin.on('error', () => undefined);
			child.stdin.end(input);
		}
	});
}

/** Like runCommand, but a non-zero exit is an error naming the program and its stderr. */
export async function runChecked(
	file: string,
	args: readonly string[],
	options: { input?: string } = {},
): Promise<string> {
	const result = await runCommand(file, args, options);
	if (result.code !== 0) {
		throw new Error(`${file} ${args[0] ?? ''} failed (exit ${result.code}): ${result.stderr.trim()}`);
	}
	return result.stdout;
}
