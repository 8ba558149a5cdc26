import { posix } from 'node:path';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import type { ExchangeProtocol, FileExchangeClient } from '../../lib/exchange/client';
import { fileExchangeCredentialTests } from '../../lib/exchange/credentials/credential-test';
import { createExchangeClient } from '../../lib/exchange/credentials/credentials';
import { FILE_EXCHANGE_APP_DESCRIPTION } from '../shared/fileExchange/appDescription';
import { decideInProgress, recordPickUp, type InProgressState } from '../../lib/exchange/polling/in-progress-state';
import {
	decidePoll,
	emptyPollState,
	type PolledFile,
	type PollSettings,
	type PollState,
} from '../../lib/exchange/polling/poll-state';

const CREDENTIAL_BY_PROTOCOL: Record<ExchangeProtocol, string> = {
	sftp: 'fileExchangeSftpApi',
	ftp: 'fileExchangeFtpApi',
};
const MAX_SEEN = 20_000;
const DEFAULT_EMIT_AGAIN_MINUTES = 60;

interface TriggerOptions {
	binaryPropertyName?: string;
	emitAgainAfterMinutes?: number;
	maxFiles?: number;
	minAgeSeconds?: number;
	moveToFolder?: string;
}

function entryJson(entry: PolledFile, pickedUpFrom?: string): IDataObject {
	return {
		path: entry.path,
		name: entry.name,
		folder: posix.dirname(entry.path),
		size: entry.size,
		modifiedAt: entry.modifiedAt?.toISOString() ?? null,
		attempt: entry.attempt,
		...(pickedUpFrom ? { originalPath: pickedUpFrom } : {}),
	};
}

/** Whether `path` lies inside `folder` (not the folder itself). */
function isInside(path: string, folder: string): boolean {
	const relative = posix.relative(folder, path);
	return relative !== '' && !relative.startsWith('..') && !posix.isAbsolute(relative);
}

async function emitEntry(
	this: IPollFunctions,
	client: FileExchangeClient,
	entry: PolledFile,
	options: TriggerOptions,
	moveTo: string | undefined,
): Promise<INodeExecutionData> {
	let current = entry;
	if (moveTo) {
		await client.mkdirp(moveTo, 0o755);
		const to = posix.join(moveTo, entry.name);
		await client.move(entry.path, to, { overwrite: true });
		current = { ...entry, path: to };
	}
	const item: INodeExecutionData = { json: entryJson(current, current === entry ? undefined : entry.path) };
	if (this.getNodeParameter('download') as boolean) {
		const binary = await this.helpers.prepareBinaryData(await client.download(current.path), current.name);
		item.binary = { [options.binaryPropertyName || 'data']: binary };
	}
	return item;
}

/** The in-progress folder's files, or none while it does not exist yet. */
async function listInProgress(client: FileExchangeClient, moveTo: string, glob: string | undefined) {
	if ((await client.stat(moveTo))?.type !== 'directory') return [];
	return await client.list(moveTo, { recursive: false, glob });
}

export class FileExchangeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'File Exchange Trigger',
		name: 'fileExchangeTrigger',
		icon: { light: 'file:../shared/icons/fileExchange.svg', dark: 'file:../shared/icons/fileExchange.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["folder"] }}',
		description: FILE_EXCHANGE_APP_DESCRIPTION,
		defaults: { name: 'File Exchange Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				// Saved workflows refer to credentials by these type names, so they never change; n8n's lint
				// rules want every credential type name to end in "Api", HTTP or not.
				name: 'fileExchangeSftpApi',
				required: true,
				displayOptions: { show: { protocol: ['sftp'] } },
				testedBy: 'fileExchangeSftpConnectionTest',
			},
			{
				name: 'fileExchangeFtpApi',
				required: true,
				displayOptions: { show: { protocol: ['ftp'] } },
				testedBy: 'fileExchangeFtpConnectionTest',
			},
		],
		properties: [
			{
				displayName:
					'Each file is emitted at least once: make the next steps safe to repeat and move the file away at the end (to processed/ or error/). A file still in the folder a while after it was emitted (60 minutes unless set under "Emit Again If Still There After") is emitted again. Test runs in the editor show a sample and do not save state.',
				name: 'deliveryNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Protocol',
				name: 'protocol',
				type: 'options',
				options: [
					{ name: 'SFTP', value: 'sftp' },
					{ name: 'FTP / FTPS', value: 'ftp' },
				],
				default: 'sftp',
			},
			{
				displayName: 'Folder',
				name: 'folder',
				type: 'string',
				default: '/inbound',
				required: true,
			},
			{
				displayName: 'Glob Filter',
				name: 'glob',
				type: 'string',
				default: '',
				placeholder: '*.{xml,pdf}',
				description: 'Only files matching this pattern; a pattern without "/" matches the file name at any depth',
			},
			{
				displayName: 'Recursive',
				name: 'recursive',
				type: 'boolean',
				default: false,
				description: 'Whether to watch sub-folders too',
			},
			{
				displayName: 'Trigger On',
				name: 'detect',
				type: 'options',
				options: [
					{ name: 'New Files', value: 'new' },
					{ name: 'New or Changed Files', value: 'newOrChanged' },
				],
				default: 'new',
			},
			{
				displayName: 'Complete When',
				name: 'stability',
				type: 'options',
				options: [
					{
						name: 'Same Size in Two Polls',
						value: 'twoPolls',
						description: 'Size and time unchanged since the previous poll',
					},
					{
						name: 'Untouched for a Minimum Age',
						value: 'minAge',
						description: 'Not modified for a number of seconds',
					},
				],
				default: 'twoPolls',
				description: 'How to tell that a file is no longer being written; ".part" files are always skipped',
			},
			{
				displayName: 'Download Files',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to emit the file content as binary data',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Again If Still There After (Minutes)',
						name: 'emitAgainAfterMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_EMIT_AGAIN_MINUTES,
						description:
							'A file emitted this long ago and still in the folder (or in the pick-up folder) was not handled, for example because the run failed: it is emitted again, with its "attempt" number counting up. Choose longer than your longest run. 0 = never.',
					},
					{
						displayName: 'Max Files per Poll',
						name: 'maxFiles',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 100,
						description: 'More files are picked up by the next polls',
					},
					{
						displayName: 'Minimum Age (Seconds)',
						name: 'minAgeSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description: 'With "Untouched for a Minimum Age"',
					},
					{
						displayName: 'Move to Folder on Pick-Up',
						name: 'moveToFolder',
						type: 'string',
						default: '',
						placeholder: '/inbound/in-progress',
						description:
							'Move each emitted file here first, so no other poller takes it. This folder is never watched as part of the folder above.',
					},
					{
						displayName: 'Put Output File in Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
					},
				],
			},
		],
	};

	methods = { credentialTest: fileExchangeCredentialTests };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const protocol = this.getNodeParameter('protocol') as ExchangeProtocol;
		const folder = this.getNodeParameter('folder') as string;
		const glob = (this.getNodeParameter('glob') as string) || undefined;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const manual = this.getMode() === 'manual';
		const moveToOption = options.moveToFolder?.trim();
		const moveTo = moveToOption ? posix.normalize(moveToOption) : undefined;
		const settings: PollSettings = {
			stability: this.getNodeParameter('stability') as PollSettings['stability'],
			minAgeMs: (options.minAgeSeconds ?? 60) * 1000,
			detect: this.getNodeParameter('detect') as PollSettings['detect'],
			maxFiles: manual ? 1 : (options.maxFiles ?? 100),
			maxSeen: MAX_SEEN,
			emitAgainAfterMs: (options.emitAgainAfterMinutes ?? DEFAULT_EMIT_AGAIN_MINUTES) * 60_000,
		};
		const staticData = this.getWorkflowStaticData('node');
		const state = (staticData.fileExchange as PollState | undefined) ?? emptyPollState();
		const inProgressState = (staticData.fileExchangeInProgress as InProgressState | undefined) ?? {};
		const tracksInProgress = !manual && moveTo !== undefined && settings.emitAgainAfterMs > 0;

		const client = createExchangeClient(protocol, await this.getCredentials(CREDENTIAL_BY_PROTOCOL[protocol]));
		await client.connect().catch((error: unknown) => {
			throw new NodeOperationError(this.getNode(), error as Error);
		});
		try {
			const now = Date.now();
			const waiting = tracksInProgress
				? decideInProgress(inProgressState, await listInProgress(client, moveTo, glob), now, settings.emitAgainAfterMs, settings.maxFiles)
				: { ready: [], next: {} };
			const listing = (
				await client.list(folder, { recursive: this.getNodeParameter('recursive') as boolean, glob })
			).filter((entry) => moveTo === undefined || !isInside(entry.path, moveTo));
			// A test run shows the newest complete-looking file without touching the saved state.
			const decision = manual
				? {
						ready: listing.filter((entry) => entry.type === 'file').slice(-1).map((entry) => ({ ...entry, attempt: 1 })),
						next: state,
					}
				: decidePoll(state, listing, now, { ...settings, maxFiles: settings.maxFiles - waiting.ready.length });

			const items: INodeExecutionData[] = [];
			// Files back from the in-progress folder are emitted where they are.
			for (const entry of waiting.ready) items.push(await emitEntry.call(this, client, entry, options, undefined));
			let inProgress = waiting.next;
			for (const entry of decision.ready) {
				const item = await emitEntry.call(this, client, entry, options, manual ? undefined : moveTo);
				items.push(item);
				if (tracksInProgress) inProgress = recordPickUp(inProgress, item.json.path as string, now, entry.attempt);
			}
			if (!manual) {
				staticData.fileExchange = decision.next;
				if (tracksInProgress) staticData.fileExchangeInProgress = inProgress;
				else delete staticData.fileExchangeInProgress;
			}
			return items.length > 0 ? [items] : null;
		} finally {
			await client.close();
		}
	}
}
