import { chown, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { perSecond } from '../format';
import { timeAsync } from '../measure';
import type { BenchRow } from '../types';
import { uploadWithExchange } from './exchange-upload';
import { prepareOpensshBatch } from './openssh-batch';
import { emptyFolder, makePayload, verifyUploaded } from './payload';
import type { BenchSftpServer } from './sftp-server';

const FILE_BYTES = 30 * 1024;
const MODE = 0o664;
const SFTP_BATCH_GOAL = 0.8;

export interface LinkRun {
	label: string;
	port: number;
	files: number;
	rounds: number;
}

/** Best seconds of each side over interleaved rounds; every run is checked on disk before it counts. */
export async function compareOnLink(bench: BenchSftpServer, link: LinkRun): Promise<BenchRow> {
	const { info } = bench;
	const payload = makePayload(link.files, FILE_BYTES);
	const remoteFolder = `${info.remoteRoot}/small-files`;
	const diskFolder = join(info.root, 'small-files');
	await mkdir(diskFolder, { recursive: true });
	const owner = await stat(info.root);
	await chown(diskFolder, owner.uid, owner.gid);
	const batch = await prepareOpensshBatch(info, link.port, remoteFolder, payload, MODE);
	const checkedRun = async (run: () => Promise<void>) => {
		await emptyFolder(diskFolder);
		const seconds = await timeAsync(run);
		await verifyUploaded(diskFolder, payload, MODE);
		return seconds;
	};
	let ours = Infinity;
	let reference = Infinity;
	try {
		for (let round = 0; round < link.rounds; round++) {
			ours = Math.min(ours, await checkedRun(async () => await uploadWithExchange(info, link.port, remoteFolder, payload, MODE)));
			reference = Math.min(reference, await checkedRun(batch.run));
		}
	} finally {
		await batch.dispose();
		await emptyFolder(diskFolder);
	}
	const ratio = reference / ours;
	return {
		measure: `${link.files} × 30 KB atomic, mode 664, ${link.label}: lib/exchange vs sftp -b`,
		ours: perSecond(link.files, ours, 'files'),
		reference: perSecond(link.files, reference, 'files'),
		ratio,
		goal: `≥ ${SFTP_BATCH_GOAL}×`,
		met: ratio >= SFTP_BATCH_GOAL,
	};
}

