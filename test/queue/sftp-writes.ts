import type { SftpLogEntry } from '../support/servers/sftp-log';

/** File Exchange's atomic upload writes its own `<name>.<random>.part` and renames it onto `<name>`. */
const PART_OF = String.raw`(?:\.[0-9a-f]{8})?\.part`;

export interface FileWrites {
	/** Opens for writing of the file or of one of its part files: one per upload that wrote, complete or not. */
	opened: number;
	/** Renames that put a part file in the file's place: uploads that completed. */
	placed: number;
	/** Bytes each writing handle wrote, from the close lines: equal sizes of one source's bytes are identical rewrites. */
	bytesWritten: number[];
}

/** What internal-sftp's log shows of the uploads of one remote file. */
export function writesOf(entries: readonly SftpLogEntry[], remotePath: string): FileWrites {
	const fileOrPart = `"${escape(remotePath)}(?:${PART_OF})?"`;
	const open = new RegExp(`^open ${fileOrPart} flags WRITE`);
	const rename = new RegExp(`^(posix-)?rename old "${escape(remotePath)}${PART_OF}" new "${escape(remotePath)}"$`);
	const close = new RegExp(`^close ${fileOrPart} bytes read \\d+ written (\\d+)$`);
	return {
		opened: entries.filter((entry) => open.test(entry.message)).length,
		placed: entries.filter((entry) => rename.test(entry.message)).length,
		bytesWritten: entries.flatMap((entry) => {
			const written = close.exec(entry.message)?.[1];
			return written !== undefined && Number(written) > 0 ? [Number(written)] : [];
		}),
	};
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
