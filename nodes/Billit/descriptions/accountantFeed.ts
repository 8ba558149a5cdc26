import type { INodeProperties } from 'n8n-workflow';

export const feedNameProperty: INodeProperties = {
	displayName: 'Feed Name',
	name: 'feedName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. n8n-export',
	description: 'Letters, digits, underscore, dot and dash',
};

export const feedItemIdProperty: INodeProperties = {
	displayName: 'Feed Item ID',
	name: 'feedItemId',
	type: 'string',
	default: '={{ $json.FeedItemID }}',
	required: true,
};

export function feedPath(feedName: unknown, ...rest: Array<string | number>): string {
	const name = String(feedName ?? '').trim();
	if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
		throw new Error(`Feed name "${name}" is not valid: use letters, digits, _ . - only`);
	}
	return [
		'/v1/accountant/feeds',
		name,
		...rest.map((part) => encodeURIComponent(String(part))),
	].join('/');
}
