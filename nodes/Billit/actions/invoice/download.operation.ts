import { updateDisplayOptions } from 'n8n-workflow';
import { downloadOrderFiles, downloadOrderFilesProperties } from '../shared/downloadOrderFiles';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['download'] } },
	downloadOrderFilesProperties,
);

export const execute = downloadOrderFiles;
