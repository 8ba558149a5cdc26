import { readFileSync } from 'node:fs';

import { inject } from 'vitest';

import type { N8nClient } from '../support/n8n/client';
import { BillitEmulatorClient, type EmulatedOrder } from '../e2e/pipelines/billit-emulator';
import { SftpFolder } from '../support/pipelines/sftp-folder';
import { readSftpLog, type SftpLogEntry } from '../support/servers/sftp-log';
import { writesOf } from './sftp-writes';

/** Billit's documented budget, the one a real company has. */
const DEFAULT_RATE_LIMIT_PER_SECOND = 25;
/** The emulator's admin API takes reads in batches; a thousand at once would reset connections. */
const READ_BATCH = 25;
/** Where the example leaves an invoice it did not export. */
const NOT_EXPORTED_NODES = ['Invalid UBL: Left Unexported', 'Not Exported: Retried Next Run'];

export interface SeededInvoices {
	sent: EmulatedOrder[];
	unsent: EmulatedOrder[];
}

export interface ExportOutcome {
	/** Invoices with both files on the server and the export flag set in Billit. */
	exported: number;
	/** Files written more than once (their `.part` opened for writing again). */
	duplicates: string[];
	/** Sent invoices missing a file or the flag. */
	lost: string[];
	/** Unsent invoices that were exported anyway. */
	unexpected: string[];
}

/** The emulator, the SFTP export folder and the worker logs the sales export tests read. */
export class SalesExportScene {
	readonly billit = new BillitEmulatorClient();
	readonly sftp = inject('testServers').sftp;
	readonly workers = inject('queueWorkers');
	readonly exportFolder = new SftpFolder(this.sftp, '/export');
	private uen = '';

	async prepare(): Promise<void> {
		this.uen = (await this.billit.company()).CompanyNumber;
	}

	remoteFiles(order: EmulatedOrder): string[] {
		const folder = `/export/${this.uen}/sales/${order.OrderDate.slice(0, 4)}`;
		return [`${folder}/${order.OrderNumber}.pdf`, `${folder}/${order.OrderNumber}.xml`];
	}

	/** Which worker's log says it started the execution. */
	workersThatRan(executionId: string | number): string[] {
		const line = new RegExp(`Worker started execution ${executionId} \\(job`);
		return this.workers.filter((worker) => line.test(readFileSync(worker.logFile, 'utf8'))).map((worker) => worker.name);
	}

	/**
	 * Seeds invoices so that `count` of them are sent, half over Peppol (Billit keeps their UBL), half by
	 * e-mail (the pipeline builds the UBL); a third customer without any contact gets unsent invoices.
	 */
	async sentInvoices(count: number): Promise<SeededInvoices> {
		await this.billit.reset();
		// The test's own reads and writes stay out of the company's request budget; the runs get it back.
		await this.billit.setSwitches({ rateLimitPerSecond: 0 });
		const ids = await this.billit.seedInvoices((count / 2) * 3);
		// The seed rotates customers: on Peppol, e-mail only, without any contact.
		const byCustomer = [0, 1, 2].map((offset) => ids.filter((_id, index) => index % 3 === offset));
		await this.billit.send(byCustomer[0], 'Peppol');
		await this.billit.send(byCustomer[1], 'SMTP');
		return { sent: await this.orders([...byCustomer[0], ...byCustomer[1]]), unsent: await this.orders(byCustomer[2]) };
	}

	private async orders(orderIds: number[]): Promise<EmulatedOrder[]> {
		const orders: EmulatedOrder[] = [];
		for (let first = 0; first < orderIds.length; first += READ_BATCH) {
			const batch = orderIds.slice(first, first + READ_BATCH);
			orders.push(...(await Promise.all(batch.map(async (id) => await this.billit.order(id)))));
		}
		return orders;
	}

	/** Why items were left unexported, from the executions' run data: read only when something was lost. */
	async notExportedItems(n8n: N8nClient, executionIds: Array<string | number>): Promise<string[]> {
		const reasons: string[] = [];
		for (const id of executionIds) {
			const runData = (await n8n.getExecution(id)).data?.resultData.runData ?? {};
			for (const node of NOT_EXPORTED_NODES) {
				const items = (runData[node] ?? []).flatMap((run) => run.data?.main?.[0] ?? []);
				reasons.push(...items.map((item) => `execution ${id}, ${node}: ${JSON.stringify(item.json).slice(0, 400)}`));
			}
		}
		return reasons;
	}

	/** Billit's default budget for the pipeline's runs only. */
	async withBillitRateLimit<T>(run: () => Promise<T>): Promise<T> {
		await this.billit.setSwitches({ rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND });
		try {
			return await run();
		} finally {
			await this.billit.setSwitches({ rateLimitPerSecond: 0 });
		}
	}

	async sftpLogLength(): Promise<number> {
		return (await readSftpLog(this.sftp.logFile)).length;
	}

	async sftpLogSince(offset: number): Promise<SftpLogEntry[]> {
		return (await readSftpLog(this.sftp.logFile)).slice(offset);
	}

	async outcomeOf({ sent, unsent }: SeededInvoices, writes: SftpLogEntry[]): Promise<ExportOutcome> {
		const onServer = new Set(this.exportFolder.files().map((file) => file.remotePath));
		const outcome: ExportOutcome = { exported: 0, duplicates: [], lost: [], unexpected: [] };
		for (const invoice of unsent) {
			const touched = this.remoteFiles(invoice).some((file) => onServer.has(file));
			if (touched || (await this.billit.order(invoice.OrderID)).ExportedToConnector) outcome.unexpected.push(invoice.OrderNumber);
		}
		for (const invoice of sent) {
			const files = this.remoteFiles(invoice);
			outcome.duplicates.push(...files.filter((file) => writesOf(writes, file).opened > 1));
			const flagged = (await this.billit.order(invoice.OrderID)).ExportedToConnector;
			if (flagged && files.every((file) => onServer.has(file))) outcome.exported += 1;
			else outcome.lost.push(invoice.OrderNumber);
		}
		return outcome;
	}
}
