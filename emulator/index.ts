import type { Server } from 'node:http';

import { Admin } from './admin';
import { Faults } from './faults';
import { IdempotencyStore } from './idempotency';
import { RateLimiter } from './rate-limit';
import { RequestLog } from './request-log';
import type { Route } from './router';
import { accountRoutes } from './routes/account';
import { accountantRoutes } from './routes/accountant';
import { adminRoutes as createAdminRoutes } from './routes/admin';
import { documentRoutes } from './routes/documents';
import { fileRoutes } from './routes/files';
import { miscRoutes } from './routes/misc';
import { oauthRoutes } from './routes/oauth';
import { orderRoutes } from './routes/orders';
import { partyRoutes } from './routes/parties';
import { peppolRoutes } from './routes/peppol';
import { productRoutes } from './routes/products';
import { reportRoutes } from './routes/reports';
import { sendRoutes } from './routes/send';
import { transactionRoutes } from './routes/transactions';
import { webhookRoutes } from './routes/webhooks';
import { ContractGuard, contractEnforcedByDefault } from './contract-guard';
import { collectFeedItems } from './feeds';
import { WebhookDispatcher } from './webhook-dispatcher';
import { DEMO } from './seed';
import { createHttpServer, listeningPort } from './server';
import { Store } from './store';
import type { Switches } from './switches';

export { DEMO } from './seed';
export type { Switches } from './switches';
export type { Store } from './store';

export interface EmulatorOptions {
	/** Interface to bind; 127.0.0.1 by default. */
	host?: string;
	/** Port; 0 (default) picks a free one. */
	port?: number;
	/** Seed the demo companies, users, parties and products (default true). */
	seed?: boolean;
	/** Least generous reading of every assumption (see README.md). */
	strict?: boolean;
	/** Switch overrides, applied after `strict`. */
	switches?: Partial<Switches>;
	/** Extra OAuth2 redirect URIs registered for the demo client. */
	redirectUris?: string[];
	/** Seed of the fault injector's random shares, so runs repeat. */
	faultSeed?: number;
	/**
	 * Hold requests and answers to the written Billit contract (test/contract/billit-api.json);
	 * default: on when BILLIT_EMULATOR_CONTRACT=enforce, as the test suites set it.
	 */
	contract?: boolean;
}

export interface Emulator {
	/** Base URL such as `http://127.0.0.1:41234` (after `start()`). */
	readonly url: string;
	readonly port: number;
	readonly store: Store;
	readonly admin: Admin;
	readonly demo: typeof DEMO;
	/** Contract violations this emulator saw (empty while the contract is not enforced). */
	readonly contractViolations: readonly string[];
	/** Webhook deliveries made so far, and a wait until none is pending. */
	readonly webhooks: Pick<WebhookDispatcher, 'list' | 'idle'>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
	const host = options.host ?? '127.0.0.1';
	const store = new Store();
	const faults = new Faults(options.faultSeed);
	const log = new RequestLog();
	const rateLimiter = new RateLimiter();
	const idempotency = new IdempotencyStore();
	const admin = new Admin(store, faults, rateLimiter, idempotency, log, {
		seed: options.seed ?? true,
		strict: options.strict ?? false,
		switches: options.switches ?? {},
		redirectUris: options.redirectUris ?? [],
	});
	const webhooks = new WebhookDispatcher(store);
	collectFeedItems(store);
	admin.onReset(() => webhooks.reset());
	const routes: Route[] = [
		...oauthRoutes,
		...accountRoutes,
		...miscRoutes,
		...orderRoutes,
		...sendRoutes,
		...fileRoutes,
		...partyRoutes,
		...productRoutes,
		...documentRoutes,
		...peppolRoutes,
		...webhookRoutes,
		...accountantRoutes,
		...transactionRoutes,
		...reportRoutes,
	];
	const adminRoutes: Route[] = createAdminRoutes(admin, webhooks);
	admin.reset();

	let server: Server | undefined;
	let port = 0;
	const url = () => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	const contract = (options.contract ?? contractEnforcedByDefault()) ? new ContractGuard() : undefined;
	const pipeline = {
		contract,
		store,
		routes,
		adminRoutes,
		faults,
		rateLimiter,
		idempotency,
		log,
		baseUrl: url,
	};
	return {
		get url() {
			if (!server) throw new Error('The emulator is not started');
			return url();
		},
		get port() {
			return port;
		},
		store,
		admin,
		demo: DEMO,
		contractViolations: contract?.violations ?? [],
		webhooks,
		async start() {
			if (server) return;
			const created = createHttpServer(pipeline);
			await new Promise<void>((resolve, reject) => {
				created.once('error', reject);
				created.listen(options.port ?? 0, host, () => resolve());
			});
			server = created;
			port = listeningPort(created);
		},
		async stop() {
			const running = server;
			if (!running) return;
			server = undefined;
			webhooks.stop();
			running.closeAllConnections();
			await new Promise<void>((resolve) => running.close(() => resolve()));
		},
	};
}
