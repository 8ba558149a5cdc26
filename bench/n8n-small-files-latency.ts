/**
 * Small files through n8n with 20 ms added each way on the SFTP link: the n8n-small-files workflows
 * (File Exchange and n8n's built-in FTP node in SFTP mode, same n8n, same OpenSSH server), with both
 * credentials pointing at a delaying TCP proxy in front of the server.
 */
import type { SftpServerInfo } from '../test/support/servers/types';
import { perSecond } from './format';
import type { BenchResult, Benchmark } from './types';
import { startBenchN8n, type BenchN8n } from './n8n/instance';
import { timedUpload } from './n8n/timed-upload';
import { builtInSftpUpload, fileExchangeUpload, type CredentialRef } from './n8n/workflows';
import { startDelayProxy } from './transfer/delay-proxy';
import { probeNetem } from './transfer/link';
import { startBenchSftpServer } from './transfer/sftp-server';

const ADDED_DELAY_MS = 20;
const FILE_BYTES = 30 * 1024;
const FILE_EXCHANGE_FILES = 1000;
// The built-in node waits for every reply of every file: 100 files keep the delayed run bounded.
const BUILT_IN_FILES = 100;
const BUILT_IN_GOAL = 100;

async function measure(n8n: BenchN8n, info: SftpServerInfo, proxyPort: number, method: string): Promise<BenchResult> {
	const login = { host: info.host, port: proxyPort, username: info.username, password: info.password };
	const ours: CredentialRef = await n8n.client.createCredential('Bench File Exchange (delayed)', 'fileExchangeSftpApi', {
		...login,
		hostKeys: info.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
	});
	const builtIn: CredentialRef = await n8n.client.createCredential('Bench built-in SFTP (delayed)', 'sftp', login);
	const fileExchange = await timedUpload(n8n.client, info, {
		name: 'n8n-file-exchange-delayed',
		files: FILE_EXCHANGE_FILES,
		bytes: FILE_BYTES,
		upload: (folder) => fileExchangeUpload(n8n.packageName, folder, `${folder}/[file_name]`, ours),
		mode: 0o664,
	});
	const builtInRun = await timedUpload(n8n.client, info, {
		name: 'n8n-built-in-delayed',
		files: BUILT_IN_FILES,
		bytes: FILE_BYTES,
		upload: (folder) => builtInSftpUpload(folder, builtIn),
	});
	const ratio = FILE_EXCHANGE_FILES / fileExchange.seconds / (BUILT_IN_FILES / builtInRun.seconds);
	const link = `+${ADDED_DELAY_MS} ms each way`;
	return {
		rows: [
			{
				measure: `30 KB files, ${link}, upload node time: File Exchange vs built-in FTP node (SFTP)`,
				ours: `${perSecond(FILE_EXCHANGE_FILES, fileExchange.seconds, 'files')} (${FILE_EXCHANGE_FILES} files)`,
				reference: `${perSecond(BUILT_IN_FILES, builtInRun.seconds, 'files')} (${BUILT_IN_FILES} files)`,
				ratio,
				goal: `≥ ${BUILT_IN_GOAL}×`,
				met: ratio >= BUILT_IN_GOAL,
			},
			{
				measure: `Whole execution, ${link} (trigger, Code node making the files, upload)`,
				ours: `${fileExchange.executionSeconds.toFixed(1)} s`,
				reference: `${builtInRun.executionSeconds.toFixed(1)} s`,
			},
		],
		notes: [
			`The latency variant of \`n8n-small-files\` (loopback figures are in its own section). Added latency (${ADDED_DELAY_MS} ms per direction) on the SFTP link by ${method}; both credentials point at the proxy, which forwards to the same OpenSSH server.`,
			`n8n ${n8n.version}, this package built, packed and installed as users install it. The built-in node uploaded ${BUILT_IN_FILES} files, File Exchange ${FILE_EXCHANGE_FILES}: rates are per file, so the ratio compares like with like.`,
			'File Exchange does more per file than the built-in node: `.part` upload, rename, chmod 664 (the built-in node writes the final name directly and sets no mode).',
			'Checked before the time counts: every file on the server disk, byte-identical to what the Code node made; mode 664 for File Exchange.',
			'File Exchange names each file with the path template `/…/[file_name]` (no n8n expression per item); the built-in node can only use an expression per item (`{{ $json.name }}`).',
		],
	};
}

export const n8nSmallFilesLatencyBenchmark: Benchmark = {
	name: 'n8n-small-files-latency',
	title: 'Small files through n8n with 20 ms added each way',
	async run(): Promise<BenchResult> {
		const netem = await probeNetem();
		const method = `the delaying TCP proxy in bench/transfer/delay-proxy.ts (n8n's connections cannot be moved into a namespace; tc netem probe: ${netem.detail})`;
		const sftp = await startBenchSftpServer();
		try {
			const proxy = await startDelayProxy(sftp.info.host, sftp.info.port, ADDED_DELAY_MS);
			try {
				const n8n = await startBenchN8n();
				try {
					return await measure(n8n, sftp.info, proxy.port, method);
				} catch (error) {
					throw new Error(`${(error as Error).message}; n8n's log ends with:\n${await n8n.logTail()}`, { cause: error });
				} finally {
					await n8n.stop();
				}
			} finally {
				await proxy.close();
			}
		} finally {
			await sftp.stop();
		}
	},
};
