/**
 * The delaying TCP proxy in a worker thread of its own: the added latency then stays what it says
 * however busy the measured client keeps the main thread, as a network's latency would.
 */
import { startDelayProxy, type DelayProxy } from './delay-proxy';
import { serveInThread, startThreadService } from './thread-service';

interface ProxyOptions {
	targetHost: string;
	targetPort: number;
	delayMs: number;
}

type ProxyCommand = 'close';

export async function startDelayProxyThread(targetHost: string, targetPort: number, delayMs: number): Promise<DelayProxy> {
	const service = await startThreadService<ProxyOptions, number, ProxyCommand>(__filename, { targetHost, targetPort, delayMs });
	return { port: service.started, close: async () => await service.stop('close') };
}

serveInThread<ProxyOptions, number, ProxyCommand>(async (options) => {
	const proxy = await startDelayProxy(options.targetHost, options.targetPort, options.delayMs);
	return { started: proxy.port, handle: async () => await proxy.close() };
});
