/**
 * The Billit emulator in a worker thread of its own, seeded with sent invoices. Billit is a remote
 * server: run on the benchmark's own event loop, the emulator would see each request only once the
 * client's work in that loop (SFTP replies, decoding) let it, and count arrivals late by as much.
 */
import { createEmulator, type Emulator } from '../../emulator';
import { serveInThread, startThreadService } from '../transfer/thread-service';
import { seedSentInvoices, type ExpectedFile } from './sent-invoices';

interface ThreadOptions {
	partyId: number;
	invoices: number;
	rateLimitPerSecond: number;
}

type Command = { kind: 'rateLimit'; perSecond: number } | { kind: 'stop' };

interface Started {
	url: string;
	port: number;
	expected: Array<[number, ExpectedFile[]]>;
}

export interface EmulatorThread {
	url: string;
	port: number;
	/** Each seeded order's files as the emulator serves them. */
	expected: Map<number, ExpectedFile[]>;
	setRateLimit(perSecond: number): Promise<void>;
	stop(): Promise<void>;
}

/** Starts the emulator in a new thread and seeds `invoices` sent invoices for `partyId`. */
export async function startEmulatorThread(options: ThreadOptions): Promise<EmulatorThread> {
	const service = await startThreadService<ThreadOptions, Started, Command>(__filename, options);
	const { url, port, expected } = service.started;
	return {
		url,
		port,
		// Buffers arrive as plain Uint8Arrays from another thread.
		expected: new Map(expected.map(([orderId, files]) => [orderId, files.map((file) => ({ ...file, content: Buffer.from(file.content) }))])),
		setRateLimit: async (perSecond) => await service.command({ kind: 'rateLimit', perSecond }),
		stop: async () => await service.stop({ kind: 'stop' }),
	};
}

serveInThread<ThreadOptions, Started, Command>(async (options) => {
	const emulator: Emulator = createEmulator({ switches: { rateLimitPerSecond: options.rateLimitPerSecond } });
	await emulator.start();
	const expected = seedSentInvoices(emulator, options.partyId, options.invoices);
	return {
		started: { url: emulator.url, port: emulator.port, expected: [...expected] },
		handle: async (command) => {
			if (command.kind === 'rateLimit') emulator.admin.setSwitches({ rateLimitPerSecond: command.perSecond });
			else await emulator.stop();
		},
	};
});
