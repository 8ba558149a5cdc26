// `npm run demo`: the Billit emulator with demo data, an embedded SFTP server and a real n8n with
// this package installed and demo credentials, all example workflows imported, the sales export run
// once. Runs until Ctrl-C. DEMO_DIR overrides where the SFTP files and host key are kept.
import { homedir } from 'node:os';
import { join } from 'node:path';

import { assertSucceeded } from '../test/support/n8n/run-data';
import { demoCredentialLines } from './demo/credentials';
import { describeFiles } from './demo/files';
import { startDemo } from './demo/start';

const SALES_EXPORT = 'sales-export.json';
const demoDir = process.env.DEMO_DIR || join(homedir(), '.cache', 'n8n-nodes-billit', 'demo');
const step = (message: string) => console.log(`[demo] ${message}`);

async function main(): Promise<void> {
	const stops: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of [...stops].reverse()) await stop().catch((error: unknown) => console.error(error));
	};
	process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
	process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
	const demo = await startDemo(demoDir, step, stops);
	try {
		const salesExport = demo.workflows.get(SALES_EXPORT);
		if (!salesExport) throw new Error(`examples/${SALES_EXPORT} is missing`);
		step('running the sales export once');
		assertSucceeded(await demo.n8n.runManually(salesExport));
		console.log('\nFiles on the SFTP server:');
		for (const line of describeFiles(demo.sftp.root)) console.log(`  ${line}`);
		console.log('\nCredentials for your own workflows (already created in n8n under the names shown):');
		for (const line of demoCredentialLines(demo.emulator, demo.sftp, demo.credentials)) console.log(`  ${line}`);
		console.log(`\nn8n editor: ${demo.n8n.coordinates.baseUrl}/workflow/${salesExport}`);
		console.log(`  log in as ${demo.owner.email} / ${demo.owner.password}`);
		console.log('\nPress Ctrl-C to stop.');
	} catch (error) {
		await stopAll();
		throw error;
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
