import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../../../emulator';
import { BillitPeppol } from '../../../nodes/BillitPeppol/BillitPeppol.node';
import { runNode, type FakeExecuteOptions, type Parameters } from '../../support/fake-n8n/execute';
import { credentialsFor } from '../billit-node/harness';

export {
	COMPANY,
	jsonOf,
	received,
	resetEmulator,
	startBillitEmulator,
} from '../billit-node/harness';

type RunOptions = Omit<FakeExecuteOptions, 'parameters' | 'credentials'>;

/** Runs the Billit Peppol node against the emulator with an API key. */
export async function runPeppol(emulator: Emulator, parameters: Parameters, options: RunOptions = {}) {
	return await runNode(new BillitPeppol(), {
		...options,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: credentialsFor(emulator),
		node: { name: 'Billit Peppol', type: 'n8n-nodes-billit.billitPeppol' },
	});
}

export function fixture(name: string): Buffer {
	return readFileSync(join(__dirname, '../../fixtures/ubl', name));
}
