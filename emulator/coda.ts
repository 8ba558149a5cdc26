/**
 * A parser for Belgian CODA 2.x bank statement files (Febelfin standard): 128-character records
 * 0 (header), 1 (old balance), 2.1-2.3 (movements), 3.1-3.3 (information), 4 (free text),
 * 8 (new balance), 9 (trailer). A file may hold several statements, each from 0 to 9.
 */
export interface CodaMovement {
	sequence: number;
	detail: number;
	bankReference: string;
	/** Signed: debits are negative. */
	amount: number;
	valueDate?: string;
	entryDate?: string;
	transactionCode: string;
	communication: string;
	/** The 12 digits of a Belgian structured communication (+++123/4567/89012+++), when given. */
	structuredCommunication?: string;
	counterpartyAccount?: string;
	counterpartyName?: string;
	counterpartyBic?: string;
	information: string[];
}

export interface CodaStatement {
	creationDate?: string;
	bankId: string;
	fileReference: string;
	addressee: string;
	accountStructure: string;
	/** IBAN or Belgian account number, without currency. */
	account: string;
	currency: string;
	/** CODA sequence number of the statement (record 1, positions 126-128). */
	statementNumber: number;
	oldBalance: number;
	oldBalanceDate?: string;
	newBalance?: number;
	newBalanceDate?: string;
	accountHolderName: string;
	movements: CodaMovement[];
	freeText: string[];
}

export class CodaError extends Error {
	constructor(line: number, message: string) {
		super(`CODA line ${line}: ${message}`);
	}
}

/** 1-based inclusive positions, as the Febelfin specification numbers them. */
const field = (record: string, from: number, to: number) => record.slice(from - 1, to);
const text = (record: string, from: number, to: number) => field(record, from, to).trim();

function date(value: string): string | undefined {
	if (!/^\d{6}$/.test(value) || value === '000000') return undefined;
	return `20${value.slice(4, 6)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
}

function amount(sign: string, digits: string, line: number): number {
	if (!/^\d{15}$/.test(digits)) throw new CodaError(line, `amount '${digits}' is not 15 digits`);
	const value = Number(digits) / 1000;
	return sign === '1' ? -value : value;
}

/** Account and currency (positions 6-42 of record 1; 5-41 of record 8) by account structure. */
function account(structure: string, zone: string): { account: string; currency: string } {
	switch (structure) {
		case '0':
			return { account: zone.slice(0, 12).trim(), currency: zone.slice(13, 16).trim() };
		case '2':
			return { account: zone.slice(0, 16).trim(), currency: zone.slice(34, 37).trim() };
		default:
			return { account: zone.slice(0, 34).trim(), currency: zone.slice(34, 37).trim() };
	}
}

export function parseCoda(input: string): CodaStatement[] {
	const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.replace(/\s+$/, '')).filter((line) => line !== '');
	if (lines.length === 0) throw new CodaError(0, 'the file is empty');
	const statements: CodaStatement[] = [];
	let current: CodaStatement | undefined;
	let counted = 0;
	let lastMovement: CodaMovement | undefined;

	lines.forEach((raw, index) => {
		const lineNo = index + 1;
		if (raw.length > 128) throw new CodaError(lineNo, 'a record is longer than 128 characters');
		const record = raw.padEnd(128, ' ');
		const type = record[0];
		if (type !== '0' && !current) throw new CodaError(lineNo, 'a statement must start with a record 0');
		if (type === '0') {
			if (current) throw new CodaError(lineNo, 'record 0 before the previous statement ended with record 9');
			if (record[127] !== '2') throw new CodaError(lineNo, 'only CODA version 2 is supported');
			current = {
				creationDate: date(field(record, 6, 11)),
				bankId: text(record, 12, 14),
				fileReference: text(record, 25, 34),
				addressee: text(record, 35, 60),
				accountStructure: '',
				account: '',
				currency: '',
				statementNumber: 0,
				oldBalance: 0,
				accountHolderName: '',
				movements: [],
				freeText: [],
			};
			counted = 0;
			lastMovement = undefined;
			return;
		}
		const statement = current as CodaStatement;
		if (type === '9') {
			const expectedRecords = Number(field(record, 17, 22));
			const debit = amount('0', field(record, 23, 37), lineNo);
			const credit = amount('0', field(record, 38, 52), lineNo);
			checkTrailer(statement, counted, expectedRecords, debit, credit, lineNo);
			statements.push(statement);
			current = undefined;
			return;
		}
		counted++;
		switch (type) {
			case '1': {
				const structure = record[1];
				const parsed = account(structure, field(record, 6, 42));
				Object.assign(statement, {
					accountStructure: structure,
					account: parsed.account,
					currency: parsed.currency,
					oldBalance: amount(record[42], field(record, 44, 58), lineNo),
					oldBalanceDate: date(field(record, 59, 64)),
					accountHolderName: text(record, 65, 90),
					statementNumber: Number(field(record, 126, 128)),
				});
				return;
			}
			case '2':
				lastMovement = movementRecord(statement, record, lastMovement, lineNo);
				return;
			case '3':
				informationRecord(record, lastMovement, lineNo);
				return;
			case '4':
				statement.freeText.push(text(record, 33, 112));
				return;
			case '8':
				statement.newBalance = amount(record[41], field(record, 43, 57), lineNo);
				statement.newBalanceDate = date(field(record, 58, 63));
				return;
			default:
				throw new CodaError(lineNo, `unknown record type '${type}'`);
		}
	});
	if (current) throw new CodaError(lines.length, 'the last statement has no record 9');
	return statements;
}

function movementRecord(statement: CodaStatement, record: string, last: CodaMovement | undefined, lineNo: number): CodaMovement {
	const article = record[1];
	if (article === '1') {
		const structured = record[61] === '1';
		const communication = field(record, 63, 115);
		const movement: CodaMovement = {
			sequence: Number(field(record, 3, 6)),
			detail: Number(field(record, 7, 10)),
			bankReference: text(record, 11, 31),
			amount: amount(record[31], field(record, 33, 47), lineNo),
			valueDate: date(field(record, 48, 53)),
			entryDate: date(field(record, 116, 121)),
			transactionCode: field(record, 54, 61),
			communication: structured ? '' : communication.trimEnd(),
			information: [],
		};
		// Structured communication type 101/102: the 12-digit Belgian payment reference.
		if (structured && /^10[12]$/.test(communication.slice(0, 3))) {
			movement.structuredCommunication = communication.slice(3, 15);
		} else if (structured) {
			movement.communication = communication.trim();
		}
		statement.movements.push(movement);
		return movement;
	}
	if (!last) throw new CodaError(lineNo, `record 2.${article} without a preceding record 2.1`);
	if (article === '2') {
		last.communication = (last.communication + field(record, 11, 63).trimEnd()).trimEnd();
		const bic = text(record, 99, 109);
		if (bic) last.counterpartyBic = bic;
	} else if (article === '3') {
		const counterparty = text(record, 11, 44);
		if (counterparty) last.counterpartyAccount = counterparty;
		const name = text(record, 48, 82);
		if (name) last.counterpartyName = name;
		last.communication = (last.communication + field(record, 83, 125).trimEnd()).trimEnd();
	} else {
		throw new CodaError(lineNo, `unknown movement article 2.${article}`);
	}
	return last;
}

function informationRecord(record: string, last: CodaMovement | undefined, lineNo: number): void {
	if (!last) throw new CodaError(lineNo, 'an information record needs a preceding movement');
	const article = record[1];
	const ranges: Record<string, [number, number]> = { '1': [41, 113], '2': [11, 115], '3': [11, 100] };
	const range = ranges[article];
	if (!range) throw new CodaError(lineNo, `unknown information article 3.${article}`);
	const value = text(record, range[0], range[1]);
	if (value) last.information.push(value);
}

/**
 * Record 9 holds the number of records and the debit and credit sums. Banks differ in whether
 * detail movements (globalisation) count, so either reading is accepted.
 */
function checkTrailer(statement: CodaStatement, counted: number, expected: number, debit: number, credit: number, lineNo: number): void {
	if (counted !== expected) {
		throw new CodaError(lineNo, `record 9 announces ${expected} records, the statement has ${counted}`);
	}
	const sums = (movements: CodaMovement[]) => ({
		debit: round3(movements.filter((m) => m.amount < 0).reduce((sum, m) => sum - m.amount, 0)),
		credit: round3(movements.filter((m) => m.amount > 0).reduce((sum, m) => sum + m.amount, 0)),
	});
	const readings = [sums(statement.movements.filter((m) => m.detail === 0)), sums(statement.movements)];
	if (!readings.some((sum) => sum.debit === round3(debit) && sum.credit === round3(credit))) {
		throw new CodaError(lineNo, `record 9 sums (debit ${debit}, credit ${credit}) do not match the movements`);
	}
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
