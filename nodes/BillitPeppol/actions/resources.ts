import type { INodePropertyOptions } from 'n8n-workflow';
import type { Resource } from '../../shared/types';
import { document } from './document/Document.resource';
import { inbox } from './inbox/Inbox.resource';
import { participant } from './participant/Participant.resource';

export const resources: Record<string, Resource> = { document, inbox, participant };

export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Document', value: 'document' },
	{ name: 'Inbox', value: 'inbox' },
	{ name: 'Participant', value: 'participant' },
];
