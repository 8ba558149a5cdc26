import { inject } from 'vitest';

import { N8nClient, type N8nCoordinates } from './client';

declare module 'vitest' {
	export interface ProvidedContext {
		n8n: N8nCoordinates;
	}
}

/** Client for the one n8n that test/e2e/global-setup.ts started for this test run. */
export function sharedN8n(): N8nClient {
	return new N8nClient(inject('n8n'));
}
