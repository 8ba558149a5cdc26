import type { INodeProperties } from 'n8n-workflow';

export const attachmentPrefixProperty: INodeProperties = {
	displayName: 'Attachment Field Prefix',
	name: 'attachmentPrefix',
	type: 'string',
	default: 'attachment_',
	description:
		'Embedded files become binary fields named with this prefix and a number: attachment_0, attachment_1, …',
};
