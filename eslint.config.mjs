import { configWithoutCloudSupport } from '@n8n/node-cli/eslint';

export default [
	...configWithoutCloudSupport,
	{
		ignores: ['dist/**', 'node_modules/**', '.cache/**', 'coverage/**'],
	},
	{
		rules: {
			// File Exchange speaks SFTP and FTP(S) through ssh2-sftp-client and basic-ftp, which need
			// real sockets and cannot be bundled into n8n-workflow: this package is self-hosted only,
			// so its runtime dependencies are intended. Every other n8n rule stays on.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// Unpublished: the package names no author, e-mail, repository or homepage rather than invented
		// ones. The first publish sets them (README, "Before the first publish") and turns these back on.
		files: ['package.json'],
		rules: {
			'@n8n/community-nodes/valid-author': 'off',
			'@n8n/community-nodes/require-homepage': 'off',
			'n8n-nodes-base/community-package-json-author-missing': 'off',
		},
	},
	{
		// Development tools (emulator, scripts, tests, benchmarks) print to the console on purpose.
		// They also spawn servers and hold throwaway test passwords; node-API error wrapping is for nodes.
		files: ['emulator/**', 'scripts/**', 'test/**', 'bench/**'],
		rules: {
			'no-console': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
			'@n8n/community-nodes/require-node-api-error': 'off',
		},
	},
];
