import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createEmulator, DEMO, type Emulator } from '../../../emulator';
import { belgianCompanyNumber } from '../../../emulator/seed';
import { Billit } from '../../../nodes/Billit/Billit.node';
import { runNode, type FakeExecuteOptions, type Parameters } from '../../support/fake-n8n/execute';

export const COMPANY = DEMO.partyIds[0];
export const OAUTH_TOKEN = 'billit-node-test-access-token';

/** A customer with every address field, whose VAT number the emulator finds on Peppol. */
export const PEPPOL_CUSTOMER = {
	Name: 'Peppol Customer NV',
	VATNumber: `BE${belgianCompanyNumber(4370001)}`,
	Email: 'ap@peppolcustomer.test',
	Street: 'Nieuwstraat',
	StreetNumber: '1',
	Zipcode: '1000',
	City: 'Brussel',
	CountryCode: 'BE',
};

/** An emulator for a Billit node suite, with the demo data and an OAuth2 access token. */
export async function startBillitEmulator(switches: Parameters = {}): Promise<Emulator> {
	const emulator = createEmulator({ switches });
	await emulator.start();
	grantAccessToken(emulator);
	return emulator;
}

/**
 * The emulator of a Billit node test file: hooks start it before the file's tests, stop it after
 * them and put it back in its seeded start state, under these switches, before each test.
 */
export function useBillitEmulator(switches: Parameters = {}): Emulator {
	const emulator = createEmulator({ switches });
	beforeAll(async () => {
		await emulator.start();
	});
	afterAll(async () => {
		await emulator.stop();
	});
	beforeEach(() => {
		resetEmulator(emulator, switches);
	});
	return emulator;
}

/** Back to the seeded start state, with the test's OAuth2 access token valid again. */
export function resetEmulator(emulator: Emulator, switches: Parameters = {}): void {
	emulator.admin.reset();
	emulator.admin.setSwitches(switches);
	grantAccessToken(emulator);
}

export function grantAccessToken(emulator: Emulator): void {
	emulator.store.accessTokens.set(OAUTH_TOKEN, {
		email: DEMO.email,
		expiresAt: Date.now() + 3_600_000,
	});
}

export function credentialsFor(emulator: Emulator) {
	return {
		billitApi: {
			environment: 'custom',
			baseUrl: emulator.url,
			apiKey: DEMO.apiKey,
			partyId: String(COMPANY),
		},
		billitOAuth2Api: {
			environment: 'custom',
			baseUrl: emulator.url,
			oauthTokenData: { access_token: OAUTH_TOKEN },
		},
	} satisfies Record<string, IDataObject>;
}

type RunOptions = Omit<FakeExecuteOptions, 'parameters' | 'credentials'>;

/** Runs the Billit node against the emulator with an API key (or OAuth2 when asked). */
export async function runBillit(
	emulator: Emulator,
	parameters: Parameters,
	options: RunOptions = {},
) {
	return await runNode(new Billit(), {
		...options,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: credentialsFor(emulator),
	});
}

/**
 * Creates with the node an invoice of two hours of consultancy for the customer; `extra` adds or
 * replaces node parameters (such as `additionalFields`). Returns its OrderID.
 */
export async function createConsultancyInvoice(
	emulator: Emulator,
	customer: IDataObject = PEPPOL_CUSTOMER,
	extra: Parameters = {},
): Promise<number> {
	const { output } = await runBillit(emulator, {
		resource: 'invoice',
		operation: 'create',
		orderType: 'Invoice',
		orderDirection: 'Income',
		customerMode: 'fields',
		customer,
		linesInput: 'fields',
		lines: { line: [{ Description: 'Consultancy', Quantity: 2, UnitPriceExcl: 95, VATPercentage: 21 }] },
		additionalFields: {},
		...extra,
	});
	return output[0].json.OrderID as number;
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/**
 * Requests the emulator received and processed, as parsed JSON bodies with their query. A request
 * answered 429 (over the rate limit, which a busy machine can reach) was not processed and is sent
 * again: it is left out, so what a test counts does not depend on the machine's load.
 */
export function received(emulator: Emulator, filter: { method?: string; path?: string } = {}) {
	return emulator.admin.requests(filter).filter((entry) => entry.status !== 429).map((entry) => ({
		...entry,
		json: entry.body ? (JSON.parse(entry.body) as unknown) : undefined,
		params: new URLSearchParams(entry.query),
	}));
}
