import { decimalFromNumber } from './decimal';
import { UblBuildError } from './errors';
import type { TaxCategory } from './model';

/** Why a line carries 0 % VAT; Billit's JSON only has the percentage, so the caller says which. */
export type ZeroVatTreatment =
	| 'zeroRated'
	| 'exempt'
	| 'reverseCharge'
	| 'intraCommunity'
	| 'export'
	| 'notSubject';

export interface VatTreatmentOptions {
	zeroVatTreatment?: ZeroVatTreatment;
	/** Text and/or VATEX code; required for `exempt`, replaces the default for the others. */
	exemptionReason?: string;
	exemptionReasonCode?: string;
}

const ZERO_VAT_CATEGORIES: Record<ZeroVatTreatment, { id: string; code?: string; reason?: string }> = {
	zeroRated: { id: 'Z' },
	exempt: { id: 'E' },
	reverseCharge: { id: 'AE', code: 'VATEX-EU-AE', reason: 'Reverse charge' },
	intraCommunity: { id: 'K', code: 'VATEX-EU-IC', reason: 'Intra-Community supply' },
	export: { id: 'G', code: 'VATEX-EU-G', reason: 'Export outside the EU' },
	notSubject: { id: 'O', code: 'VATEX-EU-O', reason: 'Not subject to VAT' },
};

export const CATEGORY_NOT_SUBJECT = 'O';

/** S for a positive rate; for 0 % the category of the stated treatment, with its exemption reason. */
export function taxCategoryFor(percent: number, options: VatTreatmentOptions): TaxCategory {
	if (percent > 0) return { id: 'S', percent: decimalFromNumber(percent), taxSchemeId: 'VAT' };
	if (percent < 0) throw new UblBuildError(`A VAT percentage of ${percent} is not possible`);
	const treatment = options.zeroVatTreatment;
	if (!treatment) {
		throw new UblBuildError(
			'A line has 0 % VAT: say why (zero rated, exempt, reverse charge, intra-community, export or not subject to VAT)',
		);
	}
	const category = ZERO_VAT_CATEGORIES[treatment];
	const exemptionReasonCode = options.exemptionReasonCode ?? category.code;
	const exemptionReason = options.exemptionReason ?? category.reason;
	if (category.id === 'Z') return { id: 'Z', percent: '0', taxSchemeId: 'VAT' };
	if (!exemptionReasonCode && !exemptionReason) {
		throw new UblBuildError('VAT-exempt lines need an exemption reason text or VATEX code');
	}
	const result: TaxCategory = { id: category.id, taxSchemeId: 'VAT' };
	// Category O ("not subject to VAT") carries no rate at all (BR-O-05).
	if (category.id !== CATEGORY_NOT_SUBJECT) result.percent = '0';
	if (exemptionReasonCode) result.exemptionReasonCode = exemptionReasonCode;
	if (exemptionReason) result.exemptionReason = exemptionReason;
	return result;
}
