import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

import type { Emulator } from '../../emulator';
import { companyContext } from '../../emulator/seed';
import type { ExpectedFile } from '../export/sent-invoices';

const FILE_MODE = 0o664;

/** One file pipeline 1 must leave on the server: its path under `/export` and its content. */
export interface ExportedFile {
	path: string;
	content: Buffer;
}

/**
 * Where pipeline 1 puts each seeded invoice's PDF and Billit's UBL:
 * `[uen_number]/sales/[year]/[order_number].pdf|xml` under `/export`.
 */
export function expectedExport(emulator: Emulator, partyId: number, seeded: Map<number, ExpectedFile[]>): ExportedFile[] {
	const auth = companyContext(emulator.store, partyId);
	return [...seeded].flatMap(([orderId, files]) => {
		const order = auth.data.orders.get(orderId);
		if (!order) throw new Error(`Seeded order ${orderId} is missing`);
		// seedSentInvoices lists the order's PDF first, then its Peppol UBL.
		const [pdf, ...others] = files;
		if (others.length !== 1) throw new Error(`Order ${orderId} has ${others.length} files besides its PDF, expected its UBL only`);
		const folder = `${auth.company.CompanyNumber}/sales/${String(order.OrderDate).slice(0, 4)}`;
		return [
			{ path: `${folder}/${String(order.OrderNumber)}.pdf`, content: pdf.content },
			{ path: `${folder}/${String(order.OrderNumber)}.xml`, content: others[0].content },
		];
	});
}

async function filesUnder(root: string): Promise<string[]> {
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Exactly the expected files in the export folder on the server disk, byte-identical, mode 664. */
export async function verifyExport(diskFolder: string, expected: ExportedFile[]): Promise<void> {
	const present = new Set(await filesUnder(diskFolder));
	const missing = expected.filter((file) => !present.has(file.path));
	if (missing.length > 0 || present.size !== expected.length) {
		throw new Error(`${present.size} files exported, expected ${expected.length}; ${missing.length} missing (first: ${missing[0]?.path ?? 'none'})`);
	}
	for (const file of expected) {
		const onDisk = join(diskFolder, file.path);
		if (!(await readFile(onDisk)).equals(file.content)) throw new Error(`${file.path} differs from the emulator's file`);
		const mode = (await stat(onDisk)).mode & 0o777;
		if (mode !== FILE_MODE) throw new Error(`${file.path} has mode ${mode.toString(8)}, expected 664`);
	}
}

/** Seeded invoices whose ExportedToConnector flag is set in the emulator. */
export function exportedCount(emulator: Emulator, partyId: number, orderIds: Iterable<number>): number {
	const orders = companyContext(emulator.store, partyId).data.orders;
	let count = 0;
	for (const orderId of orderIds) if (orders.get(orderId)?.ExportedToConnector === true) count++;
	return count;
}
