import type { FileExchangeClient } from '../client';
import { assertInsideBaseOnServer } from './confine';
import { sweepStaleParts } from './part-files';

/**
 * Target folders already checked against their base folder (server realpath) and created, for one
 * execution. A thousand files into one folder then cost those round trips once instead of per file.
 * The check is as strong as before: it always ran before the upload, never in the same step as it,
 * so a link swapped in between was never caught; an execution is seconds long. Stale part files of
 * crashed runs are swept from each folder on the way.
 */
export class PreparedFolders {
	private readonly ready = new Map<string, Promise<void>>();
	private readonly swept = new Set<string>();

	constructor(private readonly client: FileExchangeClient) {}

	/** Confirms `folder` lies inside `baseFolder` on the server, then creates what is missing of it unless `create` is false. */
	async prepare(baseFolder: string, folder: string, create: { mode?: number } | false): Promise<void> {
		const key = JSON.stringify([baseFolder, folder, create && (create.mode ?? 'server default')]);
		let pending = this.ready.get(key);
		if (!pending) {
			pending = this.run(baseFolder, folder, create);
			this.ready.set(key, pending);
			// A failure is reported to the items waiting on it; the next item tries again.
			pending.catch(() => this.ready.delete(key));
		}
		await pending;
	}

	private async run(baseFolder: string, folder: string, create: { mode?: number } | false): Promise<void> {
		// Before creating folders: a symbolic link leading out of the base must not get folders made there.
		await assertInsideBaseOnServer(this.client, baseFolder, folder);
		if (create) await this.client.mkdirp(folder, create.mode);
		await this.sweepOnce(folder);
	}

	/** Part files crashed runs left are cleared once per folder, not once per file uploaded into it. */
	private async sweepOnce(folder: string): Promise<void> {
		if (this.swept.has(folder)) return;
		this.swept.add(folder);
		await sweepStaleParts(this.client, folder);
	}
}
