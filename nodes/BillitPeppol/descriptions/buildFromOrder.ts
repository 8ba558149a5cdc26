import type { INodeProperties } from 'n8n-workflow';

/** The Billit invoice JSON a UBL document is built from, and how to treat what the JSON lacks. */
export const buildFromOrderProperties: INodeProperties[] = [
	{
		displayName: 'Invoice (Billit JSON)',
		name: 'order',
		type: 'json',
		default: '={{ JSON.stringify($json) }}',
		required: true,
		description:
			"A Billit invoice or credit note (Billit's order JSON, such as the Billit node's output), as an object or JSON text; an invoice nested under invoice, order, body or data (the Billit Trigger's Fetch Invoice) is found too. The seller is the chosen company, read from Billit.",
	},
	{
		displayName: 'Build Options',
		name: 'buildOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Embed PDF From Field',
				name: 'pdfBinaryPropertyName',
				type: 'string',
				default: '',
				placeholder: 'e.g. pdf',
				description:
					"Input binary field with the invoice's PDF, embedded in the UBL; without it, the order's own PDF content is used when it carries any",
			},
			{
				displayName: 'EUR Exchange Rate',
				name: 'eurExchangeRate',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 6 },
				default: 1,
				description:
					'For an invoice in another currency: euro per one unit of it (e.g. 0.92 for USD). The VAT total in EUR (BT-111, with TaxCurrencyCode EUR) that Belgian VAT law expects is computed from it. Ignored for invoices in EUR.',
			},
			{
				displayName: 'Exemption Reason',
				name: 'exemptionReason',
				type: 'string',
				default: '',
				description: 'Text for 0 % lines (required for Exempt), e.g. "Exempt under article 44"',
			},
			{
				displayName: 'Exemption Reason Code',
				name: 'exemptionReasonCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. VATEX-EU-132',
				description: 'VATEX code for 0 % lines',
			},
			{
				displayName: 'Payment Terms',
				name: 'paymentTerms',
				type: 'string',
				default: '',
				placeholder: 'e.g. Net 30 days',
				description:
					'Payment terms text (BT-20). An invoice without due date (Billit ExpiryDate) gets "Payable on receipt of this invoice" when this is empty, as Peppol requires one of them when something is left to pay.',
			},
			{
				displayName: 'VAT Total in EUR',
				name: 'vatTotalInEur',
				type: 'number',
				typeOptions: { numberPrecision: 2 },
				default: 0,
				description:
					'For an invoice in another currency: its VAT total in euro as your books have it (BT-111, with TaxCurrencyCode EUR). Takes precedence over EUR Exchange Rate. Ignored for invoices in EUR.',
			},
			{
				displayName: 'Zero VAT Treatment',
				name: 'zeroVatTreatment',
				type: 'options',
				default: 'zeroRated',
				description: "Why lines at 0 % carry no VAT; Billit's JSON only has the percentage",
				options: [
					{ name: 'Exempt (E)', value: 'exempt' },
					{ name: 'Export Outside the EU (G)', value: 'export' },
					{ name: 'Intra-Community Supply (K)', value: 'intraCommunity' },
					{ name: 'Not Subject to VAT (O)', value: 'notSubject' },
					{ name: 'Reverse Charge (AE)', value: 'reverseCharge' },
					{ name: 'Zero Rated (Z)', value: 'zeroRated' },
				],
			},
		],
	},
];
