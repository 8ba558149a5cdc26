/**
 * Builds CODA 2.x records from the Febelfin specification's field positions (1-based, inclusive),
 * so test files are written field by field rather than as opaque 128-character strings.
 */
export function record(fields: Record<number, string>): string {
	const line = Array.from({ length: 128 }, () => ' ');
	for (const [position, value] of Object.entries(fields)) {
		[...value].forEach((ch, offset) => {
			line[Number(position) - 1 + offset] = ch;
		});
	}
	return line.join('');
}

export const amount15 = (value: number) => String(Math.round(Math.abs(value) * 1000)).padStart(15, '0');
const sign = (value: number) => (value < 0 ? '1' : '0');

export interface TestMovement {
	amount: number;
	valueDate: string;
	bankReference: string;
	communication?: string;
	structured?: string;
	counterpartyIban?: string;
	counterpartyName?: string;
	counterpartyBic?: string;
	information?: string;
}

export interface TestStatement {
	iban: string;
	holder: string;
	sequence: number;
	oldBalance: number;
	date: string;
	movements: TestMovement[];
}

/** One statement, records 0 to 9, with correct counts and sums in record 9. */
export function statement(input: TestStatement): string[] {
	const lines: string[] = [
		record({ 1: '00000', 6: input.date, 12: '300', 15: '05', 25: `REF${input.sequence}`, 35: 'DEMO ACCOUNTANCY BV', 61: 'BBRUBEBB', 72: '00410000192', 128: '2' }),
		record({ 1: '12', 3: String(input.sequence).padStart(3, '0'), 6: input.iban, 40: 'EUR', 43: sign(input.oldBalance), 44: amount15(input.oldBalance), 59: input.date, 65: input.holder, 91: 'Business account', 126: String(input.sequence).padStart(3, '0') }),
	];
	let balance = input.oldBalance;
	input.movements.forEach((movement, index) => {
		const seq = String(index + 1).padStart(4, '0');
		const hasCounterparty = movement.counterpartyIban !== undefined || movement.counterpartyName !== undefined;
		balance += movement.amount;
		lines.push(record({
			1: '21', 3: seq, 7: '0000', 11: movement.bankReference, 32: sign(movement.amount), 33: amount15(movement.amount),
			48: movement.valueDate, 54: '00150000',
			62: movement.structured ? '1' : '0',
			63: movement.structured ? `101${movement.structured}` : (movement.communication ?? '').slice(0, 53),
			116: movement.valueDate, 122: String(input.sequence).padStart(3, '0'), 125: '0',
			126: hasCounterparty || movement.counterpartyBic ? '1' : '0', 128: movement.information ? '1' : '0',
		}));
		if (hasCounterparty || movement.counterpartyBic) {
			lines.push(record({ 1: '22', 3: seq, 7: '0000', 11: (movement.communication ?? '').slice(53), 99: movement.counterpartyBic ?? '', 126: hasCounterparty ? '1' : '0' }));
		}
		if (hasCounterparty) {
			lines.push(record({ 1: '23', 3: seq, 7: '0000', 11: movement.counterpartyIban ?? '', 45: 'EUR', 48: movement.counterpartyName ?? '', 126: '0', 128: movement.information ? '1' : '0' }));
		}
		if (movement.information) {
			lines.push(record({ 1: '31', 3: seq, 7: '0001', 11: movement.bankReference, 32: '00150000', 40: '0', 41: movement.information }));
		}
	});
	lines.push(record({ 1: '8', 2: String(input.sequence).padStart(3, '0'), 5: input.iban, 39: 'EUR', 42: sign(balance), 43: amount15(balance), 58: input.date }));
	const debit = input.movements.filter((m) => m.amount < 0).reduce((sum, m) => sum - m.amount, 0);
	const credit = input.movements.filter((m) => m.amount > 0).reduce((sum, m) => sum + m.amount, 0);
	lines.push(record({ 1: '9', 17: String(lines.length - 1).padStart(6, '0'), 23: amount15(debit), 38: amount15(credit), 128: '2' }));
	return lines;
}

/** Two statements of two accounts in one file, as banks deliver several days or accounts. */
export function multiStatementFile(): string {
	return [
		...statement({
			iban: 'BE68539007547034', holder: 'Demo Accountancy BV', sequence: 41, oldBalance: 1000, date: '011126',
			movements: [
				{ amount: 1210, valueDate: '011126', bankReference: 'BANKREF0000000000001', structured: '123456789002', counterpartyIban: 'BE71096123456769', counterpartyName: 'Peppol Customer NV', counterpartyBic: 'GKCCBEBB' },
				{ amount: -250.75, valueDate: '011126', bankReference: 'BANKREF0000000000002', communication: 'Rent November 2026', counterpartyIban: 'BE43068999999501', counterpartyName: 'Landlord SA', information: 'Standing order 7781' },
			],
		}),
		...statement({
			iban: 'BE62510007547061', holder: 'Demo Accountancy BV', sequence: 7, oldBalance: -20.5, date: '021126',
			movements: [{ amount: 99.99, valueDate: '021126', bankReference: 'BANKREF0000000000003', communication: 'Refund order 55' }],
		}),
	].join('\r\n') + '\r\n';
}
