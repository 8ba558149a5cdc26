import { createEmulator } from './index';

/** `npm run emulator`: the emulator with demo data on 127.0.0.1 (port from EMULATOR_PORT, else free). */
async function main(): Promise<void> {
	const port = Number(process.env.EMULATOR_PORT ?? 0);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('EMULATOR_PORT must be a port number');
	const emulator = createEmulator({ port, strict: process.env.EMULATOR_STRICT === 'true' });
	await emulator.start();
	const seeded = emulator.admin.seed({ invoices: 25 });
	const credentials = emulator.admin.credentials();
	console.log(`Billit API emulator listening on ${emulator.url}`);
	console.log(`  API key:        ${credentials.apiKey}  (PartyID ${credentials.partyIds.join(', ')})`);
	console.log(`  Other user:     ${credentials.otherUserApiKey}  (PartyID ${credentials.otherUserPartyId})`);
	console.log(`  OAuth2 client:  ${credentials.oauth.clientId} / ${credentials.oauth.clientSecret}`);
	console.log(`  Authorize URL:  ${emulator.url}/Account/Logon   token URL: ${emulator.url}/OAuth2/token`);
	console.log(`  Seeded ${seeded.OrderIDs.length} invoices; admin API under ${emulator.url}/_emulator (see emulator/README.md)`);
	const shutdown = () => {
		void emulator.stop().then(() => process.exit(0));
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
