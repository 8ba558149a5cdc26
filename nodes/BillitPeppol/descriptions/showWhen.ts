import type { INodeProperties } from 'n8n-workflow';

/** The properties, each shown only when `show` also holds (on top of its own conditions). */
export function showWhen(
	properties: INodeProperties[],
	show: Record<string, Array<string | boolean>>,
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}
