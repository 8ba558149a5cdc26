import type { INodeProperties } from 'n8n-workflow';

import { RULE_RELEASES } from '../../../lib/ubl/validate';

const label = (release: keyof typeof RULE_RELEASES) =>
	`Peppol ${release} (BIS Billing ${RULE_RELEASES[release].peppol}, EN16931 ${RULE_RELEASES[release].en16931})`;

/** Which official rule set pre-validation checks against. */
export const ruleReleaseProperty: INodeProperties = {
	displayName: 'Rule Set',
	name: 'ruleRelease',
	type: 'options',
	default: 'inForce',
	options: [
		{
			name: 'In Force Today',
			value: 'inForce',
			description: 'The newest Peppol release whose mandatory date has passed',
		},
		{
			name: label('2025.5'),
			value: '2025.5',
			description: `The previous release (mandatory from ${RULE_RELEASES['2025.5'].mandatoryFrom}), for receivers that still check against it`,
		},
		{
			name: label('2026.5'),
			value: '2026.5',
			description: `Mandatory from ${RULE_RELEASES['2026.5'].mandatoryFrom}`,
		},
	],
	description: 'Which release of the official EN16931 and Peppol rules to check against; the result names the one used',
};
