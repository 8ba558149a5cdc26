/** What n8n's own `export:workflow` and `export:credentials` commands write for a user folder. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nInstance } from '../support/n8n/instance';
import { cleanParentEnv } from '../support/n8n/process';
import { ensureN8nRuntime } from '../support/n8n/runtime';

export interface CliExport {
	/** What the command wrote to its output file. */
	content: string;
	/** The command's stdout and stderr. */
	output: string;
}

/** Runs `n8n export:<what> --all` on the stopped instance's user folder (credentials stay encrypted). */
export function exportWithCli(instance: N8nInstance, what: 'workflow' | 'credentials', outputFolder: string): CliExport {
	const runtime = ensureN8nRuntime();
	const output = join(outputFolder, `${what}.json`);
	const result = spawnSync(runtime.node, [runtime.n8nBin, `export:${what}`, '--all', `--output=${output}`], {
		cwd: instance.userFolder,
		env: { ...cleanParentEnv(), N8N_USER_FOLDER: instance.userFolder, N8N_ENCRYPTION_KEY: instance.encryptionKey },
		encoding: 'utf8',
		timeout: 300_000,
	});
	const text = `${result.stdout}\n${result.stderr}`;
	if (result.status !== 0) throw new Error(`n8n export:${what} failed (${result.signal ?? `exit ${result.status}`}):\n${text.slice(-2000)}`);
	return { content: readFileSync(output, 'utf8'), output: text };
}
