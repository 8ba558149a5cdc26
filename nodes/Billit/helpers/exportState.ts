import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import {
	beginRun,
	markDone,
	readWatermark,
	type WatermarkState,
} from '../../../lib/billit/state/export-watermark';
import { and, compare } from '../../../lib/billit/listing/filters';
import {
	isExported,
	markerPatch,
	notExportedFilter,
	type ExportMarker,
} from '../descriptions/exportMarker';
import { listOrders, type OrderSort } from './orders';
import { chosenCompany } from '../../../lib/billit/request/request';
import { requestForItem } from '../../shared/billit/helpers/request';
import { orderForItem } from './carriedOrder';

/** Sales invoices (Income) and incoming invoices (Cost) keep separate watermarks. */
export type ExportDirection = 'Income' | 'Cost';

const STORE = 'billitExportWatermarks';

function loadWatermark(this: IExecuteFunctions, scope: string): WatermarkState {
	const store = this.getWorkflowStaticData('global')[STORE] as IDataObject | undefined;
	return readWatermark(store?.[scope]);
}

/** Writes at the top level of static data, which is where n8n notices a change to save. */
function saveWatermark(this: IExecuteFunctions, scope: string, state: WatermarkState): void {
	const data = this.getWorkflowStaticData('global');
	data[STORE] = {
		...((data[STORE] as IDataObject | undefined) ?? {}),
		[scope]: state as unknown as IDataObject,
	};
}

function scopeOf(this: IExecuteFunctions, itemIndex: number, direction: ExportDirection): string {
	const partyId = chosenCompany.call(this, itemIndex).partyId;
	return `${direction}:${partyId ?? 'credential'}`;
}

/**
 * Lists the invoices the marker says are not exported yet. With the watermark, the walk starts
 * after the stored key and what it lists becomes what the watermark waits for.
 */
export async function listNotExported(
	this: IExecuteFunctions,
	itemIndex: number,
	filter: string | undefined,
	marker: ExportMarker,
	direction: ExportDirection,
	sort: OrderSort,
): Promise<IDataObject[]> {
	if (marker.kind === 'watermark') {
		if (sort !== 'lastModifiedAsc') {
			throw new NodeOperationError(
				this.getNode(),
				'The watermark export marker lists invoices by Last Modified: set the Sort option back to its default',
				{ itemIndex },
			);
		}
		const scope = scopeOf.call(this, itemIndex, direction);
		const state = loadWatermark.call(this, scope);
		const rows = await listOrders.call(this, itemIndex, filter, sort, undefined, state.cursor);
		saveWatermark.call(this, scope, beginRun(state, rows));
		return rows;
	}
	const markerField = notExportedFilter(marker)?.field;
	// Tags and custom fields cannot be filtered in OData, so that check happens here.
	const keep = markerField ? undefined : (order: IDataObject) => !isExported(order, marker);
	return await listOrders.call(
		this,
		itemIndex,
		and(filter, markerField ? compare(markerField, 'eq', false) : undefined),
		sort,
		keep,
	);
}

/** What Mark Exported says it reads, for its description. */
export const MARK_EXPORTED_READS =
	'Sets the export marker. The Exported to Connector and Is Sent flags are taken from the input item when it is that invoice (e.g. from Get Many), else (and in node version 1 and 2) the invoice is read first; tags and custom fields are always read, as they are written whole';

/**
 * Whether the invoice as the item carries it says enough to set the marker: the Exported to Connector
 * or Is Sent flag. Tags and custom fields are patched whole, so they are read fresh from Billit.
 */
function carriesMarker(order: IDataObject, marker: ExportMarker): boolean {
	if (marker.kind === 'flag') return typeof order.ExportedToConnector === 'boolean';
	if (marker.kind === 'isSent') return typeof order.IsSent === 'boolean';
	return false;
}

/** Records an export: patches the marker (once), or moves the watermark. */
export async function markExported(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
	marker: ExportMarker,
	direction: ExportDirection,
): Promise<INodeExecutionData[]> {
	if (marker.kind === 'watermark') {
		const scope = scopeOf.call(this, itemIndex, direction);
		const { state, listed } = markDone(loadWatermark.call(this, scope), orderId);
		saveWatermark.call(this, scope, state);
		return [{ json: watermarkOutput(orderId, state, listed) }];
	}
	const { order } = await orderForItem.call(this, itemIndex, orderId, (carried) => carriesMarker(carried, marker));
	if (isExported(order, marker)) {
		return [{ json: { OrderID: orderId, marker: marker.kind, alreadyMarked: true } }];
	}
	const patch = markerPatch(order, marker);
	await requestForItem.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v1/orders/${orderId}`,
		body: patch,
	});
	return [
		{
			json: {
				OrderID: orderId,
				marker: marker.kind,
				alreadyMarked: false,
				...patch,
			},
		},
	];
}

function watermarkOutput(orderId: number, state: WatermarkState, listed: boolean): IDataObject {
	return {
		OrderID: orderId,
		marker: 'watermark',
		// false: Get Many with this marker did not list the invoice in this execution.
		recorded: listed,
		waitingFor: state.pending.length,
		...(state.cursor
			? {
					watermark: {
						LastModified: state.cursor.lastModified,
						OrderID: state.cursor.orderId,
					},
				}
			: {}),
	};
}
