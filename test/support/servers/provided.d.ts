import type { TestServers } from './types';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Set by test/integration/global-setup.ts; read with `inject('testServers')`. */
		testServers: TestServers;
	}
}
