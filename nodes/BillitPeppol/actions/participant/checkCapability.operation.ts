import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { participantQuery, receivingVerdict } from '../../../../lib/ubl/peppol-participant';
import { withInputItem } from '../../../shared/billit/helpers/inputItem';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['participant'], operation: ['checkCapability'] } },
	[
		{
			displayName:
				'The sandbox environment queries the Peppol test network, production the live network: a company registered in one is not visible in the other',
			name: 'networkNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. BE0123456749, 0123.456.749, 5412345000013 or 0208:0123456749',
			description: 'Belgian VAT or company number (checked under both 0208 and 9925), GLN (0088), another EU VAT number, or an explicit scheme:ID',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Only Check DNS',
					name: 'onlyCheckDns',
					type: 'boolean',
					default: false,
					description:
						'Whether Billit should only check the Peppol DNS registration, without reading the document types from the service metadata',
				},
			],
		},
	],
);

interface ParticipantInformation {
	Registered?: boolean;
	Identifier?: string;
	DocumentTypes?: string[];
	ServiceProviderID?: string | null;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const input = this.getNodeParameter('identifier', itemIndex) as string;
	const onlyCheckDns = this.getNodeParameter('options.onlyCheckDns', itemIndex, false) as boolean;
	const query = participantQuery(input);
	const checked: Array<{ identifier: string; information: ParticipantInformation }> = [];
	for (const identifier of query.candidates) {
		const information = (await requestForItem.call(this, itemIndex, {
			method: 'GET',
			path: `/v1/peppol/participantInformation/${encodeURIComponent(identifier)}`,
			qs: onlyCheckDns ? { OnlyCheckDNS: true } : undefined,
		})) as ParticipantInformation;
		checked.push({ identifier, information: information ?? {} });
	}
	const found = checked.find((entry) => entry.information.Registered === true);
	const chosen = found ?? checked[0];
	const documentTypes = chosen.information.DocumentTypes ?? [];
	const verdict = receivingVerdict(found !== undefined, documentTypes);
	const json: IDataObject = {
		input,
		registered: found !== undefined,
		identifier: chosen.identifier,
		registeredIdentifiers: checked
			.filter((entry) => entry.information.Registered === true)
			.map((entry) => entry.identifier),
		...verdict,
		documentTypes,
		serviceProviderId: chosen.information.ServiceProviderID ?? undefined,
		checked: checked.map((entry) => ({
			identifier: entry.identifier,
			registered: entry.information.Registered === true,
		})),
	};
	return [withInputItem.call(this, itemIndex, json)];
}
