import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type ExportMarkerKind = 'isSent' | 'flag' | 'tag' | 'customField' | 'watermark';

export interface ExportMarker {
	kind: ExportMarkerKind;
	tag: string;
	field: string;
	value: string;
}

const watermarkOption = {
	name: 'None (Watermark)',
	value: 'watermark',
	description:
		'Nothing is written to Billit: n8n remembers how far the export got (needs an active workflow on a regular, non-queue n8n)',
};

const markerOptions = [
	{
		name: 'IsSent',
		value: 'isSent',
		description: "Billit's recommended export status for incoming invoices (patchable on every account)",
	},
	{ name: 'ExportedToConnector Flag', value: 'flag', description: 'Patchable on the access-point API' },
	{ name: 'Tag', value: 'tag', description: 'Tags are not on the patchable list Billit documents; may be refused' },
	{
		name: 'Custom Field',
		value: 'customField',
		description: 'Custom fields are not on the patchable list Billit documents; may be refused',
	},
	watermarkOption,
];

const watermarkHelp =
	" None (Watermark) marks nothing in Billit: the workflow's static data keeps the last exported (Last Modified, Invoice ID) per company, and it moves past an invoice only after Mark Exported ran for it and for every invoice listed before it, so a failed invoice is listed again next run together with those after it (upload with Skip If Identical and a fixed path, so repeats change nothing). An invoice edited after its export is listed again and its files replace the earlier ones. n8n saves static data only for active workflows (not for manual runs) and not on queue-mode workers: there every run lists everything again.";

const markerDescription =
	"How an exported invoice is marked in Billit. Billit recommends IsSent for incoming invoices; use the ExportedToConnector flag when the company's own accounting connector does not use it." +
	watermarkHelp;

/** The marker a node version uses when none is chosen: version 1 kept ExportedToConnector. */
export function defaultExportMarker(typeVersion: number): ExportMarkerKind {
	return typeVersion >= 2 ? 'isSent' : 'flag';
}

/** Where "this incoming invoice is exported" is recorded in Billit. */
export const exportMarkerProperties: INodeProperties[] = [
	{
		displayName: 'Export Marker',
		name: 'exportMarker',
		type: 'options',
		default: 'isSent',
		description: markerDescription,
		options: markerOptions,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
	},
	{
		displayName: 'Export Marker',
		name: 'exportMarker',
		type: 'options',
		default: 'flag',
		description: markerDescription,
		options: markerOptions,
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Tag',
		name: 'exportMarkerTag',
		type: 'string',
		default: 'exported-n8n',
		displayOptions: { show: { exportMarker: ['tag'] } },
	},
	{
		displayName: 'Custom Field Name',
		name: 'exportMarkerField',
		type: 'string',
		default: 'ExportedByN8n',
		displayOptions: { show: { exportMarker: ['customField'] } },
	},
	{
		displayName: 'Custom Field Value',
		name: 'exportMarkerValue',
		type: 'string',
		default: 'true',
		description:
			'The value written when marking; any non-empty value counts as exported when filtering',
		displayOptions: { show: { exportMarker: ['customField'] } },
	},
];

/** The sales export's marker: the ExportedToConnector flag, or no marker at all. */
export const salesExportMarkerProperty: INodeProperties = {
	displayName: 'Export Marker',
	name: 'exportMarker',
	type: 'options',
	default: 'flag',
	description:
		'How an exported sales invoice is recorded. The ExportedToConnector flag is patched on the invoice in Billit.' +
		watermarkHelp,
	options: [markerOptions[1], watermarkOption],
};

export function exportMarkerFor(
	this: IExecuteFunctions,
	itemIndex: number,
	fallback: ExportMarkerKind = defaultExportMarker(this.getNode().typeVersion),
): ExportMarker {
	const kind = this.getNodeParameter('exportMarker', itemIndex, fallback) as ExportMarkerKind;
	const marker: ExportMarker = {
		kind,
		tag: String(this.getNodeParameter('exportMarkerTag', itemIndex, '')).trim(),
		field: String(this.getNodeParameter('exportMarkerField', itemIndex, '')).trim(),
		value: String(this.getNodeParameter('exportMarkerValue', itemIndex, 'true')),
	};
	if (kind === 'tag' && !marker.tag) throw new Error('The export marker tag is empty');
	if (kind === 'customField' && !marker.field)
		throw new Error('The export marker custom field name is empty');
	return marker;
}

/** Whether an order already carries the marker. */
export function isExported(order: IDataObject, marker: ExportMarker): boolean {
	switch (marker.kind) {
		case 'tag':
			return ((order.Tags as string[] | undefined) ?? []).includes(marker.tag);
		case 'customField': {
			const value = (order.CustomFields as IDataObject | undefined)?.[marker.field];
			return value !== undefined && value !== null && value !== '';
		}
		case 'isSent':
			return order.IsSent === true;
		case 'watermark':
			throw new Error('The watermark marker is not on the invoice');
		default:
			return order.ExportedToConnector === true;
	}
}

/** The PATCH body that sets the marker on an order (tags and custom fields keep their other values). */
export function markerPatch(order: IDataObject, marker: ExportMarker): IDataObject {
	switch (marker.kind) {
		case 'tag':
			return { Tags: [...new Set([...((order.Tags as string[] | undefined) ?? []), marker.tag])] };
		case 'customField':
			return {
				CustomFields: {
					...((order.CustomFields as IDataObject | undefined) ?? {}),
					[marker.field]: marker.value,
				},
			};
		case 'isSent':
			return { IsSent: true };
		default:
			return { ExportedToConnector: true };
	}
}

/** The `$filter` condition for "not exported yet", for the markers Billit can filter on. */
export function notExportedFilter(marker: ExportMarker): { field: string } | undefined {
	if (marker.kind === 'isSent') return { field: 'IsSent' };
	if (marker.kind === 'flag') return { field: 'ExportedToConnector' };
	return undefined;
}
