import { requestJson } from '../support/n8n/http';

interface LoggedStatus {
	id: number;
	status: number;
	path: string;
}

/**
 * Collects the emulator's request log while a run goes on: the log keeps only its latest entries,
 * so it is read every second and merged by request id.
 */
export class RequestRecorder {
	private readonly seen = new Map<number, LoggedStatus>();
	private timer: NodeJS.Timeout | undefined;
	private reading: Promise<void> = Promise.resolve();

	constructor(private readonly emulatorUrl: string) {}

	private async read(): Promise<void> {
		const { body } = await requestJson<LoggedStatus[]>(this.emulatorUrl, { method: 'GET', path: '/_emulator/requests' });
		for (const entry of body) if (!entry.path.startsWith('/_emulator')) this.seen.set(entry.id, { id: entry.id, status: entry.status, path: entry.path });
	}

	async start(): Promise<void> {
		await requestJson(this.emulatorUrl, { method: 'DELETE', path: '/_emulator/requests' });
		this.timer = setInterval(() => {
			this.reading = this.reading.then(async () => await this.read());
		}, 1000);
	}

	/** Stops reading and returns the status of every Billit API request seen since start. */
	async stop(): Promise<LoggedStatus[]> {
		clearInterval(this.timer);
		await this.reading;
		await this.read();
		return [...this.seen.values()];
	}
}
