import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEmulator, type Emulator } from '../../emulator';
import { N8nClient, type StoredCredential, type WorkflowFile } from '../../test/support/n8n/client';
import { startN8n } from '../../test/support/n8n/instance';
import { newOwnerAccount, prepareAccess, type OwnerAccount } from '../../test/support/n8n/owner';
import { buildAndPack, installPackageInto } from '../../test/support/n8n/package-tarball';
import { repoRoot } from '../../test/support/n8n/repo';
import { ensureN8nRuntime } from '../../test/support/n8n/runtime';
import { credentialNamesOf, readExample } from '../../test/support/pipelines/examples';
import { demoCredentialData, type DemoSftpLogin } from './credentials';
import { loadOrCreateHostKey } from './host-key';
import { seedDemoInvoices } from './scene';
import { startDemoSftpServer } from './sftp-server';
import { createWatchedFolders } from './watched-folders';

export interface RunningDemo {
	n8n: N8nClient;
	owner: OwnerAccount;
	emulator: Emulator;
	sftp: DemoSftpLogin & { root: string };
	/** Example file name → id of the imported workflow. */
	workflows: Map<string, string>;
	/** Credential type → the credentials the demo created of it, under the names the examples use. */
	credentials: Map<string, StoredCredential[]>;
	stop(): Promise<void>;
}

/**
 * The Billit emulator with demo data, an embedded SFTP server and a real n8n with this package
 * installed from its packed tarball, with demo credentials and every example workflow imported.
 * `demoDir` keeps the SFTP files and host key.
 */
export async function startDemo(
	demoDir: string,
	step: (message: string) => void,
	// Filled while starting, so a Ctrl-C during the start can stop what already runs.
	stops: Array<() => Promise<void>> = [],
): Promise<RunningDemo> {
	const stop = async () => {
		for (const each of [...stops].reverse()) await each().catch((error: unknown) => console.error(error));
	};
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

		const root = join(demoDir, 'sftp');
		rmSync(root, { recursive: true, force: true });
		const hostKey = loadOrCreateHostKey(join(demoDir, 'ssh_host_ed25519_key'));
		const password = randomBytes(12).toString('hex');
		const server = await startDemoSftpServer({ root, hostKey: hostKey.privateKey, username: 'demo', password });
		stops.push(async () => await server.stop());
		const sftp = { host: server.host, port: server.port, username: 'demo', password, fingerprint: hostKey.fingerprint, root };
		step(`SFTP server at sftp://demo@${sftp.host}:${sftp.port} (host key ${sftp.fingerprint}), files in ${root}`);

		step('starting n8n');
		const instance = await startN8n({ runtime, userFolder });
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
		const examplesRead = examples.map((name) => ({ name, workflow: readExample(name) }));
		step(`created the folders the example triggers watch: ${createWatchedFolders(root, examplesRead).join(', ')}`);
		const needed = new Map<string, Set<string>>();
		for (const { workflow } of examplesRead) {
			for (const [type, name] of credentialNamesOf(workflow)) needed.set(type, (needed.get(type) ?? new Set()).add(name));
		}
		const credentials = new Map<string, StoredCredential[]>();
		for (const [type, names] of needed) {
			const data = demoCredentialData(type, emulator, sftp);
			if (!data) {
				step(`no demo credential for type ${type}: set it up in the editor`);
				continue;
			}
			const created = [];
			for (const name of names) created.push(await n8n.createCredential(name, type, data));
			credentials.set(type, created);
		}
		const workflows = new Map<string, string>();
		for (const { name, workflow } of examplesRead) workflows.set(name, (await n8n.importWorkflow(workflow as WorkflowFile)).id);
		step(`imported ${workflows.size} example workflow(s): ${examples.join(', ')}`);
		return { n8n, owner, emulator, sftp, workflows, credentials, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
