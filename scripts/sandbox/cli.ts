/**
 * `npm run test:sandbox`: checks this package's assumptions against a real Billit sandbox account
 * and writes sandbox-report.md / .json in the working folder. Without credentials it only says what
 * to set.
 */
import { productionRefusal, runSandboxChecks, SANDBOX_BASE_URL } from './run';

const USAGE = `The sandbox check needs a Billit sandbox account:
  BILLIT_SANDBOX_API_KEY=… BILLIT_SANDBOX_PARTY_ID=… npm run test:sandbox
Optional: BILLIT_SANDBOX_BASE_URL (default ${SANDBOX_BASE_URL}; production hosts are refused),
BILLIT_SANDBOX_PEPPOL_RECEIVER=scheme:id (a Peppol test receiver, to check sendxml).
Nothing was run.`;

async function main(): Promise<void> {
	const apiKey = process.env.BILLIT_SANDBOX_API_KEY;
	const partyId = process.env.BILLIT_SANDBOX_PARTY_ID;
	if (!apiKey || !partyId) {
		console.log(USAGE);
		return;
	}
	const baseUrl = process.env.BILLIT_SANDBOX_BASE_URL ?? process.env.BILLIT_SANDBOX_URL ?? SANDBOX_BASE_URL;
	const refusal = productionRefusal(baseUrl);
	if (refusal) throw new Error(refusal);
	console.log(`Checking ${baseUrl} (this creates sandbox invoices and a webhook, and deletes them afterwards)…`);
	const { report, files } = await runSandboxChecks({ baseUrl, apiKey, partyId, peppolReceiver: process.env.BILLIT_SANDBOX_PEPPOL_RECEIVER, reportDir: process.cwd() });
	for (const check of report.checks) console.log(`${check.verdict.padEnd(14)} ${check.name}: ${check.observed}`);
	console.log(`\nReport written to:\n  ${files.join('\n  ')}`);
}

main().catch((error: Error) => {
	console.error(`Sandbox check stopped: ${error.message}`);
	process.exitCode = 1;
});
