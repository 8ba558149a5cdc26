// `npm run demo`: the Billit emulator with demo data, an embedded SFTP server and a real n8n with
// this package installed and demo credentials, all example workflows imported, the sales export run
// once. Runs until Ctrl-C. DEMO_DIR overrides where the SFTP files and host key are kept.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEmulator, type Emulator } from '../emulator';
import { N8nClient, type WorkflowFile } from '../test/e2e/n8n/client';
import { startN8n, type N8nInstance } from '../test/e2e/n8n/instance';
import { newOwnerAccount, prepareAccess } from '../test/e2e/n8n/owner';
import { buildAndPack, installPackageInto } from '../test/e2e/n8n/package-tarball';
import { repoRoot } from '../test/e2e/n8n/repo';
import { assertSucceeded } from '../test/e2e/n8n/run-data';
import { ensureN8nRuntime } from '../test/e2e/n8n/runtime';
import { credentialNamesOf, readExample } from '../test/e2e/pipelines/examples';
import { createWatchedFolders } from './demo/watched-folders';
import { describeFiles } from './demo/files';
import { loadOrCreateHostKey } from './demo/host-key';
import { seedDemoInvoices } from './demo/scene';
import { startDemoSftpServer, type DemoSftpServer } from './demo/sftp-server';

const SALES_EXPORT = 'sales-export.json';
const demoDir = process.env.DEMO_DIR || join(homedir(), '.cache', 'n8n-nodes-billit', 'demo');
const step = (message: string) => console.log(`[demo] ${message}`);

interface DemoTargets {
	emulator: Emulator;
	sftp: DemoSftpServer & { password: string; fingerprint: string };
}

function credentialData(type: string, { emulator, sftp }: DemoTargets) {
	switch (type) {
		case 'billitApi': {
			const { apiKey, partyIds } = emulator.admin.credentials();
			return { environment: 'custom', baseUrl: emulator.url, apiKey, partyId: String(partyIds[0]) };
		}
		case 'fileExchangeSftpApi':
			return { host: sftp.host, port: sftp.port, username: 'demo', password: sftp.password, hostKeys: sftp.fingerprint, acceptAnyHostKey: false };
		default:
			return undefined;
	}
}

async function main(): Promise<void> {
	const stops: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
	};
	process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
	process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
	try {
		step('n8n runtime (the first run installs it: a few minutes)');
		const runtime = ensureN8nRuntime();
		const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-demo-'));
		stops.push(async () => rmSync(workDir, { recursive: true, force: true }));
		step('building and packing the package');
		const userFolder = join(workDir, 'user');
		installPackageInto(userFolder, buildAndPack(join(workDir, 'pack')));

		const emulator = createEmulator();
		await emulator.start();
		stops.push(async () => await emulator.stop());
		await seedDemoInvoices(emulator);
		step(`Billit emulator with demo data at ${emulator.url}`);

		const sftpRoot = join(demoDir, 'sftp');
		rmSync(sftpRoot, { recursive: true, force: true });
		const hostKey = loadOrCreateHostKey(join(demoDir, 'ssh_host_ed25519_key'));
		const sftpPassword = randomBytes(12).toString('hex');
		const sftp = await startDemoSftpServer({ root: sftpRoot, hostKey: hostKey.privateKey, username: 'demo', password: sftpPassword });
		stops.push(async () => await sftp.stop());
		step(`SFTP server at sftp://demo@${sftp.host}:${sftp.port} (host key ${hostKey.fingerprint}), files in ${sftpRoot}`);

		step('starting n8n');
		const instance: N8nInstance = await startN8n({ runtime, userFolder });
		stops.push(async () => await instance.stop());
		const owner = newOwnerAccount();
		const n8n = new N8nClient({
			baseUrl: instance.baseUrl,
			...(await prepareAccess(instance.baseUrl, owner)),
			userFolder,
			logFile: instance.logFile,
			packageName: 'n8n-nodes-billit',
		});

		const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.json')).sort();
		const workflows = examples.map((name) => ({ name, workflow: readExample(name) }));
		step(`created the folders the example triggers watch: ${createWatchedFolders(sftpRoot, workflows).join(', ')}`);
		const credentialTypes = new Map<string, string>();
		for (const { workflow } of workflows) for (const [type, name] of credentialNamesOf(workflow)) credentialTypes.set(`${type}\0${name}`, type);
		for (const [key, type] of credentialTypes) {
			const data = credentialData(type, { emulator, sftp: { ...sftp, password: sftpPassword, fingerprint: hostKey.fingerprint } });
			if (data) await n8n.createCredential(key.split('\0')[1], type, data);
			else step(`no demo credential for type ${type}: set it up in the editor`);
		}
		const imported = new Map<string, string>();
		for (const { name, workflow } of workflows) imported.set(name, (await n8n.importWorkflow(workflow as WorkflowFile)).id);
		step(`imported ${imported.size} example workflow(s): ${examples.join(', ')}`);

		const salesExport = imported.get(SALES_EXPORT);
		if (!salesExport) throw new Error(`examples/${SALES_EXPORT} is missing`);
		step('running the sales export once');
		assertSucceeded(await n8n.runManually(salesExport));
		console.log('\nFiles on the SFTP server:');
		for (const line of describeFiles(sftpRoot)) console.log(`  ${line}`);
		console.log(`\nn8n editor: ${instance.baseUrl}/workflow/${salesExport}`);
		console.log(`  log in as ${owner.email} / ${owner.password}`);
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
