import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type ExportMarkerKind = 'flag' | 'tag' | 'customField';

export interface ExportMarker {
	kind: ExportMarkerKind;
	tag: string;
	field: string;
	value: string;
}

/** Where "this incoming invoice is exported" is recorded in Billit. */
export const exportMarkerProperties: INodeProperties[] = [
	{
		displayName: 'Export Marker',
		name: 'exportMarker',
		type: 'options',
		default: 'flag',
		description:
			"How an exported invoice is marked in Billit. Use a tag or custom field when the company's own Billit accounting connector already uses the ExportedToConnector flag.",
		options: [
			{ name: 'ExportedToConnector Flag', value: 'flag' },
			{ name: 'Tag', value: 'tag' },
			{ name: 'Custom Field', value: 'customField' },
		],
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

export function exportMarkerFor(this: IExecuteFunctions, itemIndex: number): ExportMarker {
	const kind = this.getNodeParameter('exportMarker', itemIndex, 'flag') as ExportMarkerKind;
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
		default:
			return { ExportedToConnector: true };
	}
}
