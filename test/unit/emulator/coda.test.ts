import { describe, expect, it } from 'vitest';

import { parseCoda } from '../../../emulator/coda';
import { amount15, multiStatementFile, record, statement } from '../../support/emulator/coda-file';

describe('CODA 2.x parser', () => {
	it('reads every statement of a multi-statement file', () => {
		const statements = parseCoda(multiStatementFile());
		expect(statements).toHaveLength(2);
		const [first, second] = statements;
		expect(first).toMatchObject({
			bankId: '300',
			creationDate: '2026-11-01',
			account: 'BE68539007547034',
			currency: 'EUR',
			statementNumber: 41,
			oldBalance: 1000,
			oldBalanceDate: '2026-11-01',
			newBalance: 1959.25,
			accountHolderName: 'Demo Accountancy BV',
		});
		expect(first.movements).toHaveLength(2);
		expect(first.movements[0]).toMatchObject({
			amount: 1210,
			valueDate: '2026-11-01',
			entryDate: '2026-11-01',
			bankReference: 'BANKREF0000000000001',
			transactionCode: '00150000',
			structuredCommunication: '123456789002',
			counterpartyAccount: 'BE71096123456769',
			counterpartyName: 'Peppol Customer NV',
			counterpartyBic: 'GKCCBEBB',
		});
		expect(first.movements[1]).toMatchObject({
			amount: -250.75,
			communication: 'Rent November 2026',
			counterpartyName: 'Landlord SA',
			information: ['Standing order 7781'],
		});
		expect(second).toMatchObject({ account: 'BE62510007547061', statementNumber: 7, oldBalance: -20.5, newBalance: 79.49 });
		expect(second.movements.map((m) => m.amount)).toEqual([99.99]);
	});

	it('accepts LF line ends and trailing blanks trimmed by editors', () => {
		const trimmed = multiStatementFile().split('\r\n').map((line) => line.trimEnd()).join('\n');
		expect(parseCoda(trimmed)).toHaveLength(2);
	});

	it('refuses a trailer whose record count does not match', () => {
		const lines = statement({ iban: 'BE68539007547034', holder: 'X', sequence: 1, oldBalance: 0, date: '011126', movements: [{ amount: 5, valueDate: '011126', bankReference: 'R1' }] });
		lines[lines.length - 1] = record({ 1: '9', 17: '000009', 23: amount15(0), 38: amount15(5), 128: '2' });
		expect(() => parseCoda(lines.join('\n'))).toThrow(/announces 9 records/);
	});

	it('refuses a trailer whose sums do not match', () => {
		const lines = statement({ iban: 'BE68539007547034', holder: 'X', sequence: 1, oldBalance: 0, date: '011126', movements: [{ amount: 5, valueDate: '011126', bankReference: 'R1' }] });
		lines[lines.length - 1] = record({ 1: '9', 17: '000003', 23: amount15(0), 38: amount15(6), 128: '2' });
		expect(() => parseCoda(lines.join('\n'))).toThrow(/sums/);
	});

	it.each([
		['', /empty/],
		[record({ 1: '12' }), /must start with a record 0/],
		[record({ 1: '00000', 128: '1' }), /version 2/],
		[`${record({ 1: '00000', 128: '2' })}\n${'x'.repeat(129)}`, /longer than 128/],
		[record({ 1: '00000', 128: '2' }), /no record 9/],
		[`${record({ 1: '00000', 128: '2' })}\n${record({ 1: '7' })}`, /unknown record type/],
	])('refuses malformed files (%#)', (text, message) => {
		expect(() => parseCoda(text)).toThrow(message);
	});
});
