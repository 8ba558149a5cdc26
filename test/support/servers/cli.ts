/**
 * Starts the test servers outside vitest (end-to-end runs, benchmarks, CI debugging) and keeps them
 * running until interrupted. The descriptor, which holds the test password and key, is written to a
 * file readable by root only:
 *   npx tsx test/support/servers/cli.ts --descriptor <file>
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

import { startTestServers } from './index';

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { descriptor: { type: 'string' } } });
	if (values.descriptor === undefined) throw new Error('Usage: tsx test/support/servers/cli.ts --descriptor <file>');

	const started = Date.now();
	const servers = await startTestServers();
	const { stop, ...descriptor } = servers;
	await writeFile(values.descriptor, `${JSON.stringify(descriptor, null, '\t')}\n`, { mode: 0o600 });

	const { sftp, ftp } = descriptor;
	console.log(`Test servers up in ${Date.now() - started} ms; descriptor in ${values.descriptor}`);
	console.log(`  ${"sftp (OpenSSH)".padEnd(32)}${sftp.host}:${sftp.port}  log ${sftp.logFile}`);
	for (const [name, server] of Object.entries(ftp)) {
		console.log(`  ${`${name} (TLS: ${server.tls})`.padEnd(32)}${server.host}:${server.port}`);
	}
	console.log('Ctrl-C stops them.');

	let stopping = false;
	const shutdown = () => {
		if (stopping) return;
		stopping = true;
		void stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
