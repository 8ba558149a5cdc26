import { updateDisplayOptions } from 'n8n-workflow';
import { downloadOrderFiles, downloadOrderFilesProperties } from '../../helpers/downloadOrderFiles';

export const description = updateDisplayOptions(
	{ show: { resource: ['incomingInvoice'], operation: ['download'] } },
	downloadOrderFilesProperties,
);

export const execute = downloadOrderFiles;
