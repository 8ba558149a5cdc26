import { readFile } from 'node:fs/promises';

/** One line of internal-sftp's log: `internal-sftp[pid]: message`. */
export interface SftpLogEntry {
	pid: number;
	message: string;
}

const ENTRY = /^internal-sftp\[(\d+)\]: (.*)$/;

export async function readSftpLog(logFile: string): Promise<SftpLogEntry[]> {
	const text = await readFile(logFile, 'utf8');
	return text.split('\n').flatMap((line) => {
		const match = ENTRY.exec(line);
		return match ? [{ pid: Number(match[1]), message: match[2] }] : [];
	});
}

/** Opens of `remotePath` for writing: one per upload attempt, complete or not. */
export function countWriteOpens(entries: readonly SftpLogEntry[], remotePath: string): number {
	const prefix = `open "${remotePath}" flags WRITE`;
	return entries.filter((entry) => entry.message.startsWith(prefix)).length;
}

const POLL_MS = 20;

/**
 * The server logs before it answers, but the lines reach the file through the process that started
 * the servers, so a test waits briefly for them instead of reading once.
 */
export async function waitForSftpLog(
	logFile: string,
	isComplete: (entries: SftpLogEntry[]) => boolean,
	timeoutMs = 5_000,
): Promise<SftpLogEntry[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const entries = await readSftpLog(logFile);
		if (isComplete(entries)) return entries;
		if (Date.now() > deadline) {
			throw new Error(`internal-sftp log ${logFile} did not show the expected lines within ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}
