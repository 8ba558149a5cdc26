import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { fileExchangeCredentialTests } from '../../lib/exchange/credentials/credential-test';
import { description as connectionOptions } from './descriptions/connectionOptions';
import { FILE_EXCHANGE_APP_DESCRIPTION } from '../shared/fileExchange/appDescription';
import { operations, router } from './actions/router';

export class FileExchange implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'File Exchange',
		name: 'fileExchange',
		icon: { light: 'file:../shared/icons/fileExchange.svg', dark: 'file:../shared/icons/fileExchange.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + " (" + $parameter["protocol"] + ")" }}',
		description: FILE_EXCHANGE_APP_DESCRIPTION,
		defaults: { name: 'File Exchange' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
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
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'File', value: 'file' }],
				default: 'file',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Delete', value: 'delete', description: 'Delete a file', action: 'Delete a file' },
					{
						name: 'Download',
						value: 'download',
						description: 'Download a file as binary data',
						action: 'Download a file',
					},
					{ name: 'List', value: 'list', description: 'List the files of a folder', action: 'List files' },
					{
						name: 'Move or Rename',
						value: 'move',
						description: 'Move a file, such as to processed/ or error/',
						action: 'Move or rename a file',
					},
					{ name: 'Upload', value: 'upload', description: 'Upload binary data to a file', action: 'Upload a file' },
					{
						name: 'Write Reason File',
						value: 'writeReasonFile',
						description: 'Write a text file explaining why a file was not processed',
						action: 'Write a reason file',
					},
				],
				default: 'upload',
			},
			...Object.values(operations).flatMap((operation) => operation.description),
			...connectionOptions,
		],
	};

	methods = { credentialTest: fileExchangeCredentialTests };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
