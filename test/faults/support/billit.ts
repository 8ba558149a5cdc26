/** The Billit node suites' emulator harness, plus what fault tests read from the emulator. */
import type { Emulator } from '../../../emulator';
import { COMPANY } from '../../integration/billit-node/harness';

export {
	COMPANY,
	credentialsFor,
	grantAccessToken,
	received,
	resetEmulator,
	runBillit,
	startBillitEmulator,
} from '../../integration/billit-node/harness';

/** Orders of the test company, as the emulator stores them. */
export function storedOrders(emulator: Emulator) {
	return [...emulator.store.data.get(COMPANY)!.orders.values()];
}

/** An Invoice Create of the Billit node with a fixed customer and one line. */
export function invoiceCreateParameters(additionalFields: Record<string, unknown>) {
	return {
		resource: 'invoice',
		operation: 'create',
		orderType: 'Invoice',
		orderDirection: 'Income',
		customerMode: 'fields',
		customer: { Name: 'Mail Only BV', Email: 'billing@mailonly.test', CountryCode: 'BE' },
		linesInput: 'fields',
		lines: {
			line: [{ Description: 'Audit', Quantity: 1, UnitPriceExcl: 250, VATPercentage: 21 }],
		},
		additionalFields,
	};
}
