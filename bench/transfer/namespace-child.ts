/**
 * Started by netns.ts inside a network namespace: one link comparison against an sshd started in
 * the same namespace, the row printed as JSON on the last line.
 */
import { compareOnLink, type LinkRun } from './compare-on-link';
import { startBenchSftpServer } from './sftp-server';

async function main(): Promise<void> {
	const link = JSON.parse(process.argv[2] ?? '') as Omit<LinkRun, 'port'>;
	const bench = await startBenchSftpServer();
	try {
		const row = await compareOnLink(bench, { ...link, port: bench.info.port });
		process.stdout.write(`\n${JSON.stringify(row)}\n`);
	} finally {
		await bench.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
