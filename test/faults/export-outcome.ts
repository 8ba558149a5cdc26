/**
 * What the export left, judged from the SFTP server's own write log, the files on its disk and
 * Billit's flags: exported, identical rewrites, duplicates (a file placed again with other bytes),
 * lost, and the broken promises (flag without file, file not Billit's bytes, `.part` leftovers).
 */
import { existsSync, readFileSync } from 'node:fs';

import type { Emulator } from '../../emulator';
import type { SftpFolder } from '../support/pipelines/sftp-folder';
import type { SftpLogEntry } from '../support/servers/sftp-log';
import { isPartFile, serverWrites } from './export-placements';
import { isMarkedExported, type ExpectedFile, type SeededScene } from './export-seed';

export interface ExportOutcome {
	/** Sent invoices marked exported with both files on the server. */
	exported: number;
	/** Placements beyond the first of a file, with the same bytes as the file. */
	rewrites: number;
	/** Files placed again with another size: two different versions were written. */
	duplicates: string[];
	/** Sent invoices not marked exported, or missing a file. */
	lost: string[];
	/** Marked exported in Billit while a file is missing on the server. */
	markedButMissing: string[];
	/** Files whose bytes differ from what Billit serves for them. */
	notBillitsBytes: string[];
	/** Files on the server never placed through a `.part`, or written directly. */
	unaccounted: string[];
	partLeftovers: string[];
	/** Unsent invoices that got a file or the flag. */
	touchedUnsent: string[];
}

export function judgeExport(scene: SeededScene, emulator: Emulator, folder: SftpFolder, log: readonly SftpLogEntry[]): ExportOutcome {
	const { placements, directWrites } = serverWrites(log);
	const onServer = folder.files().map((file) => file.remotePath);
	const present = (file: ExpectedFile) => existsSync(folder.onDisk(file.remotePath));
	const outcome: ExportOutcome = {
		exported: 0,
		rewrites: 0,
		duplicates: [],
		lost: [],
		markedButMissing: [],
		notBillitsBytes: [],
		unaccounted: [...directWrites],
		partLeftovers: onServer.filter(isPartFile),
		touchedUnsent: [],
	};
	for (const invoice of scene.sent) {
		const marked = isMarkedExported(emulator, invoice.orderId);
		const complete = invoice.files.every(present);
		if (marked && complete) outcome.exported += 1;
		else outcome.lost.push(invoice.orderNumber);
		if (marked && !complete) outcome.markedButMissing.push(invoice.orderNumber);
		for (const file of invoice.files.filter(present)) {
			const content = readFileSync(folder.onDisk(file.remotePath));
			if (file.billitContent && !content.equals(file.billitContent)) outcome.notBillitsBytes.push(file.remotePath);
			const placed = placements.get(file.remotePath) ?? [];
			if (placed.length === 0) outcome.unaccounted.push(file.remotePath);
			if (placed.some((bytes) => bytes !== content.length)) outcome.duplicates.push(file.remotePath);
			else outcome.rewrites += Math.max(0, placed.length - 1);
		}
	}
	for (const invoice of scene.unsent) {
		if (isMarkedExported(emulator, invoice.orderId) || invoice.files.some(present)) outcome.touchedUnsent.push(invoice.orderNumber);
	}
	return outcome;
}
