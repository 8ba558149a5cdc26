import { resolve } from 'node:path';

import { defineConfig } from 'vitest/config';

// n8n in queue mode (main + two workers, Redis, PostgreSQL): a separate command, not part of CI,
// because five n8n-side processes plus the test servers need more than the CI machine's two cores.
export default defineConfig({
	test: {
		name: 'queue',
		root: resolve(__dirname, '../..'),
		include: ['test/queue/**/*.test.ts'],
		globalSetup: ['test/queue/global-setup.ts'],
		testTimeout: 900_000,
		hookTimeout: 900_000,
		fileParallelism: false,
		environment: 'node',
	},
});
