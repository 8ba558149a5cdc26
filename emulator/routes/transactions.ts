import type { AuthContext } from '../auth';
import { parseCoda, type CodaStatement } from '../coda';
import { badRequest, header, isRecord, jsonBody, ok } from '../http';
import { listPage } from '../listing';
import type { Route } from '../router';
import type { Json, Store } from '../store';
import { requireFields, validate, type Schema } from '../validation';

/** The Transaction model's fields (BankAccountTransactionID is Billit's own). */
const transactionSchema: Schema = {
	BankName: 'string',
	IBAN: 'string',
	BIC: 'string',
	BankAccountID: 'integer',
	DocumentId: 'integer',
	IBANCounterParty: 'string',
	BICCounterParty: 'string',
	NameCounterParty: 'string',
	TotalAmount: 'number',
	TransactionType: 'string',
	ValueDate: 'date',
	Currency: 'string',
	Description: 'string',
	ExternalProviderID: 'string',
	ExternalProviderTC: 'string',
	FreeMessage: 'string',
	CodaSource: 'string',
	CodaFileID: 'string',
	BankReference: 'string',
	ClientReference: 'string',
	Note: 'string',
	AssignedEntities: { array: 'map' },
	ProprietaryBankTransactionCode: 'string',
	BankTransactionCode: 'string',
};
const transactionList = {
	properties: new Set([...Object.keys(transactionSchema), 'BankAccountTransactionID']),
	searchIn: ['Description', 'NameCounterParty', 'IBANCounterParty', 'ClientReference', 'BankReference'],
	defaultOrder: 'BankAccountTransactionID asc',
};

/** Adds a transaction unless one with the same account and bank reference exists (re-imports are harmless). */
function addTransaction(store: Store, auth: AuthContext, input: Json): boolean {
	const list = auth.data.transactions;
	if (input.BankReference && list.some((t) => t.BankReference === input.BankReference && t.IBAN === input.IBAN)) {
		return false;
	}
	list.push({ BankAccountTransactionID: store.nextId('transaction'), Currency: 'EUR', ...input });
	return true;
}

/** The body is the File model itself (`FileName`, `FileContent` base64, `MimeType`), or the file as `text/plain`. */
function codaText(store: Store, body: unknown, raw: Buffer, contentType: string): string {
	if (!contentType.includes('json')) return raw.toString('latin1');
	if (!isRecord(body)) throw badRequest('InvalidRequest', 'The body must be a File object');
	validate(body, { FileID: 'string', FileName: 'string', MimeType: 'string', FileContent: 'string' }, store.switches.rejectUnknownFields);
	if (typeof body.FileContent !== 'string') throw badRequest('RequiredFieldMissing', "The field 'FileContent' is required");
	return Buffer.from(body.FileContent, 'base64').toString('latin1');
}

function parseStatements(text: string): CodaStatement[] {
	try {
		return parseCoda(text);
	} catch (error) {
		throw badRequest('InvalidCodaFile', (error as Error).message);
	}
}

export const transactionRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/financialTransactions',
		auth: 'company',
		handler: (ctx) => ok(listPage(ctx.req, ctx.auth.data.transactions, transactionList, ctx.store.switches, ctx.baseUrl)),
	},
	{
		method: 'POST',
		pattern: '/v1/financialTransactions/commands/import',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = jsonBody(req);
			// The model's body is Array<Transaction>.
			const list = body;
			if (!Array.isArray(list) || list.length === 0) {
				throw badRequest('InvalidRequest', 'The body must be a non-empty array of transactions');
			}
			list.forEach((entry, index) => {
				validate(entry, transactionSchema, store.switches.rejectUnknownFields, `Transactions[${index}]`);
				requireFields(entry as Json, ['TotalAmount', 'ValueDate'], `Transactions[${index}]`);
			});
			const imported = list.filter((entry) => addTransaction(store, auth, entry as Json)).length;
			return ok({ Imported: imported, Duplicates: list.length - imported });
		},
	},
	{
		method: 'POST',
		pattern: '/v1/financialTransactions/importFile',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const contentType = header(req, 'content-type') ?? '';
			const text = codaText(store, contentType.includes('json') ? jsonBody(req) : undefined, req.rawBody, contentType);
			const statements = parseStatements(text);
			let imported = 0;
			let movements = 0;
			for (const statement of statements) {
				for (const movement of statement.movements.filter((m) => m.detail === 0)) {
					movements++;
					const transaction: Json = {
						IBAN: statement.account,
						Currency: statement.currency || 'EUR',
						TotalAmount: movement.amount,
						Description: [movement.communication, ...movement.information].filter(Boolean).join(' '),
						BankReference: movement.bankReference,
						BankTransactionCode: movement.transactionCode,
					};
					// The structured communication as the client's reference: where Billit keeps it is not documented.
					const optional: Record<string, string | undefined> = {
						ValueDate: movement.valueDate ?? movement.entryDate,
						ClientReference: movement.structuredCommunication,
						NameCounterParty: movement.counterpartyName,
						IBANCounterParty: movement.counterpartyAccount,
						BICCounterParty: movement.counterpartyBic,
					};
					for (const [key, value] of Object.entries(optional)) if (value) transaction[key] = value;
					if (addTransaction(store, auth, transaction)) imported++;
				}
			}
			return ok({ Statements: statements.length, Imported: imported, Duplicates: movements - imported });
		},
	},
];
