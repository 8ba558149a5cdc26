import { chown, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { N8nClient } from '../../test/support/n8n/client';
import { assertSucceeded, nodeOutput } from '../../test/support/n8n/run-data';
import type { SftpServerInfo } from '../../test/support/servers/types';
import { emptyFolder, patternPayload, verifyUploaded } from '../transfer/payload';
import { uploadWorkflow, type UploadNode } from './workflows';

const RUN_TIMEOUT_MS = 900_000;

export interface UploadCase {
	/** Folder name under the SFTP user's start folder, also the workflow's name. */
	name: string;
	files: number;
	bytes: number;
	/** The upload node writing into the remote folder it is given. */
	upload: (remoteFolder: string) => UploadNode;
	/** Mode every file must have on disk; undefined when the node sets none. */
	mode?: number;
}

export interface TimedUpload {
	/** The upload node's own execution time. */
	seconds: number;
	/** The whole execution, trigger to end. */
	executionSeconds: number;
}

/** An empty folder owned by the SFTP user, as its owner would have made it. */
async function serverFolder(server: SftpServerInfo, name: string): Promise<string> {
	const folder = join(server.root, name);
	await mkdir(folder, { recursive: true });
	const owner = await stat(server.root);
	await chown(folder, owner.uid, owner.gid);
	await emptyFolder(folder);
	return folder;
}

/**
 * Manual Trigger → Code making the files → the upload node, run in n8n; the files are checked on
 * the server disk before the node's time is returned.
 */
export async function timedUpload(client: N8nClient, server: SftpServerInfo, run: UploadCase): Promise<TimedUpload> {
	const diskFolder = await serverFolder(server, run.name);
	const workflow = await client.importWorkflow(uploadWorkflow(`Bench ${run.name}`, run.files, run.bytes, run.upload(`${server.remoteRoot}/${run.name}`)));
	const execution = await client.runManually(workflow.id, { timeoutMs: RUN_TIMEOUT_MS, pollMs: 500 });
	assertSucceeded(execution);
	if (nodeOutput(execution, 'Upload').length !== run.files) throw new Error(`${run.name}: the upload node did not output ${run.files} items`);
	await verifyUploaded(diskFolder, patternPayload(run.files, run.bytes), run.mode);
	await emptyFolder(diskFolder);
	const [uploadRun] = (execution.data?.resultData.runData.Upload ?? []) as Array<{ executionTime?: number }>;
	if (uploadRun?.executionTime === undefined) throw new Error(`${run.name}: the execution holds no time for the upload node`);
	const executionSeconds = (Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt ?? '')) / 1000;
	return { seconds: uploadRun.executionTime / 1000, executionSeconds };
}
