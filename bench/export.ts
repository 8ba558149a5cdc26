/**
 * Export at the rate limit: 1,000 sent invoices listed, their PDF and UBL downloaded through the
 * lib/billit request core from the emulator (in a thread of its own) and uploaded over SFTP. With 25 req/s
 * enforced: elapsed ÷ floor (requests ÷ 25 s) and the 429 count; with the limit off: requests/s.
 * Both on loopback and with 20 ms added each way on the HTTP and the SFTP side (delaying proxies).
 */
import { chown, mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { DEMO } from '../emulator';
import { SftpExchangeClient } from '../lib/exchange/sftp/sftp-client';
import { CompanyPacer } from '../lib/billit/pacing/pacer';
import type { SftpServerInfo } from '../test/support/servers/types';
import { perSecond } from './format';
import { timeAsync } from './measure';
import type { BenchResult, Benchmark, BenchRow } from './types';
import { countingSend } from './export/counting-send';
import { exportInvoices, exportedName } from './export/run-export';
import { startEmulatorThread, type EmulatorThread } from './export/emulator-thread';
import type { ExpectedFile } from './export/sent-invoices';
import { startDelayProxyThread } from './transfer/delay-proxy-thread';
import { probeNetem } from './transfer/link';
import { emptyFolder } from './transfer/payload';
import { startBenchSftpServer } from './transfer/sftp-server';

const INVOICES = 1000;
const RATE_LIMIT = 25;
const FLOOR_GOAL = 1.1;
const ADDED_DELAY_MS = 20;
/** On loopback a round trip costs next to nothing: 8 invoices keep 25 req/s busy with room to spare (the limit-off run is CPU-bound). */
const LOOPBACK_IN_FLIGHT = 8;
/** An invoice is 2 × (one HTTP round trip + an atomic upload's three SFTP round trips): about 0.35 s
 * with 40 ms per round trip, so 25 req/s (12.5 invoices/s) needs 5 in flight; 32 leave the
 * unlimited run room as well. */
const DELAYED_IN_FLIGHT = 32;

async function verifyExport(folder: string, expected: Map<number, ExpectedFile[]>): Promise<void> {
	const wanted = [...expected].flatMap(([orderId, files]) =>
		files.map((file) => ({ name: exportedName(orderId, file.fileName), content: file.content })),
	);
	const present = await readdir(folder);
	if (present.length !== wanted.length) throw new Error(`${present.length} exported files, expected ${wanted.length}`);
	for (const file of wanted) {
		const content = await readFile(join(folder, file.name));
		if (!content.equals(file.content)) throw new Error(`${file.name} differs from the emulator's file`);
	}
}

/** Where the run reaches the emulator and the SFTP server (directly, or through delaying proxies), and how many invoices it keeps in flight there. */
interface Link {
	baseUrl: string;
	sftpPort: number;
	invoicesInFlight: number;
}

async function exportRun(
	link: Link,
	server: SftpServerInfo,
	expected: Map<number, ExpectedFile[]>,
	pacer: CompanyPacer | undefined,
) {
	const diskFolder = join(server.root, 'export');
	await emptyFolder(diskFolder);
	const http = countingSend();
	const client = new SftpExchangeClient({
		host: server.host,
		port: link.sftpPort,
		username: server.username,
		privateKey: server.privateKey,
		hostKeys: server.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
	});
	await client.connect();
	try {
		const seconds = await timeAsync(
			async () =>
				await exportInvoices({
					baseUrl: link.baseUrl,
					apiKey: DEMO.apiKey,
					partyId: DEMO.partyIds[0],
					pacer,
					send: http.send,
					client,
					invoicesInFlight: link.invoicesInFlight,
					remoteFolder: `${server.remoteRoot}/export`,
					orderIds: new Set(expected.keys()),
				}),
		);
		await verifyExport(diskFolder, expected);
		return { seconds, ...http.counts() };
	} finally {
		await client.close();
	}
}

/** The rate-limited run and the unlimited one over one link, as table rows labelled with the link. */
async function measureOnLink(emulator: EmulatorThread, link: Link, label: string, server: SftpServerInfo): Promise<BenchRow[]> {
	await emulator.setRateLimit(RATE_LIMIT);
	const limited = await exportRun(link, server, emulator.expected, new CompanyPacer(RATE_LIMIT));
	const floor = limited.requests / RATE_LIMIT;
	const overFloor = limited.seconds / floor;
	await emulator.setRateLimit(0);
	const unlimited = await exportRun(link, server, emulator.expected, undefined);
	return [
		{
			measure: `${INVOICES} invoices at ${RATE_LIMIT} req/s, ${label}: elapsed ÷ floor`,
			ours: `${limited.seconds.toFixed(1)} s for ${limited.requests} requests`,
			reference: `floor ${floor.toFixed(1)} s`,
			ratio: overFloor,
			goal: `≤ ${FLOOR_GOAL}`,
			met: overFloor <= FLOOR_GOAL && limited.throttled === 0,
		},
		{ measure: `429 answers at ${RATE_LIMIT} req/s, ${label}`, ours: String(limited.throttled), goal: '0', met: limited.throttled === 0 },
		{
			measure: `${INVOICES} invoices, limit off, ${label}: requests per second`,
			ours: perSecond(unlimited.requests, unlimited.seconds, 'req'),
			reference: `${unlimited.seconds.toFixed(1)} s in all`,
		},
	];
}

/** The same runs with both the HTTP and the SFTP connections through delaying TCP proxies. */
async function measureDelayed(emulator: EmulatorThread, server: SftpServerInfo): Promise<BenchRow[]> {
	const http = await startDelayProxyThread('127.0.0.1', emulator.port, ADDED_DELAY_MS);
	try {
		const sftp = await startDelayProxyThread(server.host, server.port, ADDED_DELAY_MS);
		try {
			const link = { baseUrl: `http://127.0.0.1:${http.port}`, sftpPort: sftp.port, invoicesInFlight: DELAYED_IN_FLIGHT };
			return await measureOnLink(emulator, link, `+${ADDED_DELAY_MS} ms each way`, server);
		} finally {
			await sftp.close();
		}
	} finally {
		await http.close();
	}
}

export const exportBenchmark: Benchmark = {
	name: 'export',
	title: 'Export at the rate limit',
	async run(): Promise<BenchResult> {
		const emulator = await startEmulatorThread({ partyId: DEMO.partyIds[0], invoices: INVOICES, rateLimitPerSecond: RATE_LIMIT });
		try {
			const sftp = await startBenchSftpServer();
			try {
				const diskFolder = join(sftp.info.root, 'export');
				await mkdir(diskFolder, { recursive: true });
				const owner = await stat(sftp.info.root);
				await chown(diskFolder, owner.uid, owner.gid);

				const direct = { baseUrl: emulator.url, sftpPort: sftp.info.port, invoicesInFlight: LOOPBACK_IN_FLIGHT };
				const loopback = await measureOnLink(emulator, direct, 'loopback', sftp.info);
				const delayed = await measureDelayed(emulator, sftp.info);
				const netem = await probeNetem();
				return {
					rows: [...loopback, ...delayed],
					notes: [
						`Per run: list the orders (following NextPageLink), then per invoice GET its PDF and UBL file (base64 JSON) through executeBillitRequest and upload both atomically (mode 664) over one SFTP connection; ${LOOPBACK_IN_FLIGHT} invoices in flight on loopback, ${DELAYED_IN_FLIGHT} with the added latency (an invoice then waits about 8 round trips of 40 ms). HTTP over fetch with keep-alive; uploads hand the SFTP client a Buffer, as the nodes do with binary data in memory.`,
						'The pacer is lib/billit\'s CompanyPacer (sliding window of 1.05 s, starts evenly spaced 42 ms apart once it is full). The emulator runs in a worker thread of its own, as Billit is not in the client\'s process, and enforces fixed one-second windows counted on arrival.',
						`Added latency (${ADDED_DELAY_MS} ms per direction) on both the HTTP connections to the emulator and the SFTP connection, by the delaying TCP proxy in bench/transfer/delay-proxy.ts, each in a worker thread of its own so its delay does not grow with the client's work (one proxy per side; the emulator's NextPageLinks name the proxy, as they use the Host the client addressed). tc netem probe: ${netem.detail}.`,
						'Ratio here is elapsed ÷ floor (lower is better); the floor is what 25 req/s allow, so it does not depend on the machine, but the load average (above) shows how busy the shared 2-core machine was. Checked before the time counts: every PDF and UBL on the server disk, byte-identical to the emulator\'s file.',
					],
				};
			} finally {
				await sftp.stop();
			}
		} finally {
			await emulator.stop();
		}
	},
};
