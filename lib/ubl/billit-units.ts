/** UN/ECE Recommendation 20 codes for the units people type in Billit (English, Dutch, French). */
const UNIT_CODES: Record<string, string> = {
	piece: 'C62', pieces: 'C62', pcs: 'C62', pc: 'C62', stuk: 'C62', stuks: 'C62', st: 'C62', unit: 'C62', units: 'C62', 'pièce': 'C62', 'pièces': 'C62',
	hour: 'HUR', hours: 'HUR', h: 'HUR', u: 'HUR', uur: 'HUR', uren: 'HUR', heure: 'HUR', heures: 'HUR',
	minute: 'MIN', minutes: 'MIN', min: 'MIN',
	day: 'DAY', days: 'DAY', dag: 'DAY', dagen: 'DAY', jour: 'DAY', jours: 'DAY',
	week: 'WEE', weeks: 'WEE', weken: 'WEE', semaine: 'WEE',
	month: 'MON', months: 'MON', maand: 'MON', maanden: 'MON', mois: 'MON',
	year: 'ANN', years: 'ANN', jaar: 'ANN', an: 'ANN', 'année': 'ANN',
	kg: 'KGM', g: 'GRM', t: 'TNE', ton: 'TNE',
	m: 'MTR', km: 'KMT', cm: 'CMT', m2: 'MTK', 'm²': 'MTK', m3: 'MTQ', 'm³': 'MTQ',
	l: 'LTR', liter: 'LTR', litre: 'LTR', kwh: 'KWH',
};

const DEFAULT_UNIT_CODE = 'C62';

/** A Billit unit as a UBL unit code: known words mapped, codes such as `HUR` kept, else `C62` (one). */
export function unitCodeFor(unit: string | undefined): string {
	const trimmed = unit?.trim() ?? '';
	if (/^[A-Z0-9]{2,3}$/.test(trimmed)) return trimmed;
	return UNIT_CODES[trimmed.toLowerCase()] ?? DEFAULT_UNIT_CODE;
}
