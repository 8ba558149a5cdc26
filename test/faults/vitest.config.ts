import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The fault and abuse suite (issue 10): real sshd, FTP servers and the Billit emulator, started by
// the integration global setup. Runs alone with `npx vitest run --config test/faults/vitest.config.ts`
// or as the `faults` project of the root configuration.
const root = resolve(__dirname, '../..');

export default defineConfig({
	test: {
		name: 'faults',
		root,
		include: ['test/faults/**/*.test.ts'],
		globalSetup: ['test/integration/global-setup.ts'],
		setupFiles: ['test/contract/no-violations.ts'],
		reporters: ['default', './test/faults/figures-reporter.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		environment: 'node',
	},
});
