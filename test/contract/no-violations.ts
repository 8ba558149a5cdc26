/**
 * Setup file of the suites that run the Billit emulator: every emulator holds requests and answers
 * to the written contract (billit-api.json), and a test fails when anything departed from it.
 * A test that departs on purpose takes the violations itself (`takeContractViolations`).
 */
import { afterEach, expect } from 'vitest';

import { takeContractViolations } from '../../emulator/contract-guard';

process.env.BILLIT_EMULATOR_CONTRACT = 'enforce';

afterEach(() => {
	expect(takeContractViolations(), 'requests or answers outside the Billit contract (test/contract/billit-api.json)').toEqual([]);
});
