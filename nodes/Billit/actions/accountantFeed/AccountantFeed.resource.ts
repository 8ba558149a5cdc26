import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as confirmItem from './confirmItem.operation';
import * as createFeed from './createFeed.operation';
import * as deleteFeed from './deleteFeed.operation';
import * as downloadItem from './downloadItem.operation';
import * as getItems from './getItems.operation';
import * as listFeeds from './listFeeds.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['accountantFeed'] } },
	default: 'getItems',
	options: [
		{ name: 'Confirm Item', value: 'confirmItem', action: 'Confirm a feed item' },
		{ name: 'Create Feed', value: 'createFeed', action: 'Create a feed' },
		{ name: 'Delete Feed', value: 'deleteFeed', action: 'Delete a feed' },
		{ name: 'Download Item', value: 'downloadItem', action: 'Download a feed item' },
		{ name: 'Get Items', value: 'getItems', action: 'Get feed items' },
		{ name: 'List Feeds', value: 'listFeeds', action: 'List feeds' },
	],
};

export const accountantFeed: Resource = {
	operations: { confirmItem, createFeed, deleteFeed, downloadItem, getItems, listFeeds },
	description: [
		operationProperty,
		...createFeed.description,
		...deleteFeed.description,
		...getItems.description,
		...downloadItem.description,
		...confirmItem.description,
	],
};
