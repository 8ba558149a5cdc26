import type { SftpLogEntry } from '../servers/sftp-log';

/** File Exchange's atomic upload writes `<name>.part` and renames it onto `<name>`. */
const PART_SUFFIX = '.part';

export interface FileWrites {
	/** Opens for writing of the file or of its `.part`: one per upload that wrote, complete or not. */
	opened: number;
	/** Renames that put a `.part` in the file's place: uploads that completed. */
	placed: number;
	/** Bytes each writing handle wrote, from the close lines: equal sizes of one source's bytes are identical rewrites. */
	bytesWritten: number[];
}

function quoted(path: string): string {
	return `"${path}"`;
}

/** What internal-sftp's log shows of the uploads of one remote file. */
export function writesOf(entries: readonly SftpLogEntry[], remotePath: string): FileWrites {
	const openPrefixes = [remotePath, `${remotePath}${PART_SUFFIX}`].map((path) => `open ${quoted(path)} flags WRITE`);
	const rename = new RegExp(`^(posix-)?rename old ${escape(quoted(remotePath + PART_SUFFIX))} new ${escape(quoted(remotePath))}$`);
	const close = new RegExp(`^close (${escape(quoted(remotePath))}|${escape(quoted(remotePath + PART_SUFFIX))}) bytes read \\d+ written (\\d+)$`);
	return {
		opened: entries.filter((entry) => openPrefixes.some((prefix) => entry.message.startsWith(prefix))).length,
		placed: entries.filter((entry) => rename.test(entry.message)).length,
		bytesWritten: entries.flatMap((entry) => {
			const written = close.exec(entry.message)?.[2];
			return written !== undefined && Number(written) > 0 ? [Number(written)] : [];
		}),
	};
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
