import { posix, resolve, sep } from 'node:path';

/**
 * Maps the SFTP client's paths (absolute from `/`, or relative to `/`) onto a folder on disk.
 * `..` cannot leave the folder: the client sees it as the whole file system.
 */
export class JailedPaths {
	constructor(readonly root: string) {}

	/** The normalised client path, always absolute. */
	virtual(path: string): string {
		return posix.resolve('/', path);
	}

	onDisk(path: string): string {
		const virtual = this.virtual(path);
		const disk = resolve(this.root, `.${virtual}`);
		if (disk !== this.root && !disk.startsWith(`${this.root}${sep}`)) throw new Error(`${path} is outside the server folder`);
		return disk;
	}
}
