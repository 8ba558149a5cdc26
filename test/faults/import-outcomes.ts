/**
 * Where each file of an import run ended: in Billit (uploads the emulator stored, by file name),
 * in `processed/`, in `error/` with or without its reason file. Exactly one of "Billit + processed/"
 * and "error/ + reason, not in Billit" is right; anything else is a violation.
 */
import { existsSync, readFileSync } from 'node:fs';

import type { Emulator } from '../../emulator';
import type { SftpFolder } from '../support/pipelines/sftp-folder';
import type { InboundFile } from './import-inbound-files';

export interface FileOutcome {
	name: string;
	poisoned: boolean;
	/** How many times Billit stored a file of this name. */
	inBillit: number;
	processed: boolean;
	parked: boolean;
	reason?: string;
	stillInbound: boolean;
}

export const REASON_SUFFIX = '.reason.txt';

export function fileOutcomes(files: InboundFile[], inbound: SftpFolder, emulator: Emulator, partyId: number): FileOutcome[] {
	const stored = new Map<string, number>();
	for (const file of emulator.store.files.values()) {
		if (file.companyId === partyId) stored.set(file.FileName, (stored.get(file.FileName) ?? 0) + 1);
	}
	const onDisk = (path: string) => existsSync(inbound.onDisk(`${inbound.remotePath}/${path}`));
	return files.map((file) => {
		const reasonPath = inbound.onDisk(`${inbound.remotePath}/error/${file.name}${REASON_SUFFIX}`);
		return {
			name: file.name,
			poisoned: file.poisoned,
			inBillit: stored.get(file.name) ?? 0,
			processed: onDisk(`processed/${file.name}`),
			parked: onDisk(`error/${file.name}`),
			reason: existsSync(reasonPath) ? readFileSync(reasonPath, 'utf8') : undefined,
			stillInbound: onDisk(file.name),
		};
	});
}

/** Why an outcome breaks the rule, or undefined when the file ended in exactly one right place. */
export function violation(outcome: FileOutcome): string | undefined {
	const imported = outcome.inBillit === 1 && outcome.processed && !outcome.parked;
	const parked = outcome.inBillit === 0 && outcome.parked && outcome.reason !== undefined && !outcome.processed;
	if ((imported || parked) && !outcome.stillInbound) return undefined;
	const where = [
		`in Billit ${outcome.inBillit}×`,
		outcome.processed ? 'in processed/' : '',
		outcome.parked ? `in error/ ${outcome.reason === undefined ? 'without' : 'with'} a reason file` : '',
		outcome.stillInbound ? 'still in /inbound' : '',
	].filter(Boolean);
	return `${outcome.name}: ${where.join(', ')}`;
}
