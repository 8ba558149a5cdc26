/** Rule sets the pre-validator can check against, named by their Peppol release (year.month). */
export type RuleRelease = '2025.5' | '2026.5';

export interface ReleaseInfo {
	/** Peppol BIS Billing 3.0 version of the release. */
	peppol: string;
	/** EN16931 validation artefacts the release bundles. */
	en16931: string;
	/** First day Peppol requires this release (YYYY-MM-DD). */
	mandatoryFrom: string;
}

export const RULE_RELEASES: Readonly<Record<RuleRelease, ReleaseInfo>> = {
	'2025.5': { peppol: '3.0.19', en16931: '1.3.14.1', mandatoryFrom: '2025-08-25' },
	'2026.5': { peppol: '3.0.21', en16931: '1.3.16', mandatoryFrom: '2026-08-24' },
};

export const RELEASE_NAMES = Object.keys(RULE_RELEASES) as RuleRelease[];

export function isRuleRelease(value: unknown): value is RuleRelease {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RULE_RELEASES, value);
}

/** The newest release in force on a day (its mandatory date reached); the oldest one before any is. */
export function releaseInForce(day: Date = new Date()): RuleRelease {
	const iso = day.toISOString().slice(0, 10);
	let current = RELEASE_NAMES[0];
	for (const name of RELEASE_NAMES) if (RULE_RELEASES[name].mandatoryFrom <= iso) current = name;
	return current;
}
