import { defineConfig } from 'vitest/config';

// Four suites: unit (no servers), integration (real sshd, FTP servers and the Billit emulator on
// 127.0.0.1, started by test/integration/global-setup.ts), faults (the fault and abuse suite on the
// same servers, configured in its own folder) and e2e (one real n8n per run, started by
// test/e2e/global-setup.ts, with this package installed from its packed tarball).
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts'],
					globalSetup: ['test/integration/global-setup.ts'],
					setupFiles: ['test/contract/no-violations.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					environment: 'node',
				},
			},
			'test/faults/vitest.config.ts',
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.ts'],
					globalSetup: ['test/e2e/global-setup.ts'],
					setupFiles: ['test/contract/no-violations.ts'],
					testTimeout: 180_000,
					hookTimeout: 900_000,
					fileParallelism: false,
					environment: 'node',
				},
			},
		],
	},
});
