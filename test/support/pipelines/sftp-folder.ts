import { chownSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

import type { SftpServerInfo } from '../servers/types';

export interface ServerFile {
	/** Path as the SFTP client sees it, e.g. `/export/0123456789/sales/2026/2026-0001.pdf`. */
	remotePath: string;
	size: number;
	/** Permission bits, e.g. 0o664. */
	mode: number;
}

/**
 * Age to give a file put for a File Exchange Trigger: older than the examples' "untouched for 60
 * seconds", so the first poll takes it at once.
 */
export const SETTLED_AGE_MS = 5 * 60_000;

/**
 * A top-level folder of the SFTP server (such as `/export`) on disk, owned by the SFTP user as an
 * administrator would set it up. The session is chrooted, so `/export` lies beside the session's
 * start folder inside the chroot.
 */
export class SftpFolder {
	readonly diskPath: string;
	private readonly chroot: string;

	constructor(
		private readonly sftp: SftpServerInfo,
		readonly remotePath: string,
	) {
		this.chroot = dirname(sftp.root);
		this.diskPath = join(this.chroot, remotePath);
	}

	/** Empty and owned by the SFTP user. */
	reset(): void {
		rmSync(this.diskPath, { recursive: true, force: true });
		this.makeFolder(this.remotePath);
	}

	/** Creates a remote folder and its missing parents inside this folder, owned by the SFTP user. */
	makeFolder(remotePath: string): void {
		const owner = statSync(this.sftp.root);
		const segments = relative(this.remotePath, remotePath).split('/').filter(Boolean);
		let current = this.remotePath;
		for (const segment of ['', ...segments]) {
			current = segment ? `${current}/${segment}` : current;
			mkdirSync(this.onDisk(current), { recursive: true, mode: 0o755 });
			chownSync(this.onDisk(current), owner.uid, owner.gid);
		}
	}

	/**
	 * Puts a file as the SFTP user would have, last modified `ageMs` ago (so a trigger waiting for
	 * files to settle takes it at once).
	 */
	putFile(remotePath: string, content: Buffer | string, ageMs = 0): void {
		const owner = statSync(this.sftp.root);
		const path = this.onDisk(remotePath);
		writeFileSync(path, content, { mode: 0o664 });
		chownSync(path, owner.uid, owner.gid);
		const modified = new Date(Date.now() - ageMs);
		utimesSync(path, modified, modified);
	}

	read(remotePath: string): string {
		return readFileSync(this.onDisk(remotePath), 'utf8');
	}

	/** Disk path of a remote path inside this folder. */
	onDisk(remotePath: string): string {
		return join(this.chroot, remotePath);
	}

	files(): ServerFile[] {
		return (readdirSync(this.diskPath, { recursive: true, withFileTypes: true }) as Array<{ name: string; parentPath: string; isFile(): boolean }>)
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const path = join(entry.parentPath, entry.name);
				const stat = statSync(path);
				return { remotePath: `/${relative(this.chroot, path).split(sep).join('/')}`, size: stat.size, mode: stat.mode & 0o777 };
			})
			.sort((a, b) => a.remotePath.localeCompare(b.remotePath));
	}
}
