/**
 * A benchmark service (a server, a proxy) run in a worker thread of its own, so that its timing
 * does not depend on how busy the measured client keeps the main event loop. The thread's module
 * calls `serveInThread` and answers commands; the main thread starts it with `startThreadService`.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface ThreadService<Started, Command> {
	/** What the thread reported once it was up. */
	started: Started;
	/** Sends a command and waits until the thread has carried it out. */
	command(message: Command): Promise<void>;
	/** Sends the stop command, waits for it, and ends the thread. */
	stop(stopCommand: Command): Promise<void>;
}

/** Starts `file` (a module that calls `serveInThread`) in a worker thread with `options`. */
export async function startThreadService<Options, Started, Command>(
	file: string,
	options: Options,
): Promise<ThreadService<Started, Command>> {
	const worker = new Worker(file, { workerData: options });
	const reply = async <T>(): Promise<T> =>
		await new Promise<T>((resolve, reject) => {
			const onError = (error: Error) => reject(error);
			worker.once('error', onError);
			worker.once('message', (message: T) => {
				worker.off('error', onError);
				resolve(message);
			});
		});
	const started = await reply<Started>();
	const command = async (message: Command) => {
		const done = reply<'done'>();
		worker.postMessage(message);
		await done;
	};
	return {
		started,
		command,
		stop: async (stopCommand) => {
			await command(stopCommand);
			await worker.terminate();
		},
	};
}

/** In the worker thread: starts the service, reports it, then carries out each command in turn. */
export function serveInThread<Options, Started, Command>(
	start: (options: Options) => Promise<{ started: Started; handle(command: Command): Promise<void> }>,
): void {
	if (isMainThread) return;
	const port = parentPort;
	if (!port) throw new Error('a thread service needs a parent thread');
	void (async () => {
		const service = await start(workerData as Options);
		port.on('message', (message: Command) => {
			void service.handle(message).then(() => port.postMessage('done'));
		});
		port.postMessage(service.started);
	})();
}
