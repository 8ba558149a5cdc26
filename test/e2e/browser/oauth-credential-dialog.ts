import type { Locator, Page } from 'playwright-core';

import type { StoredCredential } from '../../support/n8n/client';
import { fillCredentialField, openNewCredential } from './credential-dialog';

export interface BillitOAuth2Settings {
	/** Billit's API and web app, here the emulator on both. */
	baseUrl: string;
	clientId: string;
	clientSecret: string;
	/** The Billit user who allows access on the authorize page. */
	userEmail: string;
}

const fill = fillCredentialField;

/** n8n's OAuth Redirect URL as the dialog shows it: what a user registers with Billit. */
export async function redirectUrlShown(dialog: Locator): Promise<string> {
	return (await dialog.locator('[data-test-id="copy-input"]').first().innerText()).trim();
}

/**
 * Creates a Billit OAuth2 credential in n8n's credential dialog as a user does: Custom
 * environment, client ID and secret, "Connect", then "Allow" on Billit's authorize page in the
 * popup; resolves with the stored credential once the dialog says the account is connected.
 * `registerRedirectUrl` is the step done with Billit support for a real account.
 */
export async function connectBillitOAuth2InDialog(
	page: Page,
	settings: BillitOAuth2Settings,
	registerRedirectUrl: (url: string) => void,
): Promise<StoredCredential> {
	const dialog = await openNewCredential(page, 'Billit OAuth2 API');
	registerRedirectUrl(await redirectUrlShown(dialog));

	await fill(dialog, 'clientId', settings.clientId);
	await fill(dialog, 'clientSecret', settings.clientSecret);
	await dialog.locator('[data-test-id="parameter-input-environment"]').click();
	await page.getByRole('option', { name: /^Custom/ }).click();
	await fill(dialog, 'baseUrl', settings.baseUrl);
	await fill(dialog, 'authBaseUrl', settings.baseUrl);

	// "Connect" saves the credential first, then opens the authorize page in a popup.
	const saved = page.waitForResponse(
		(response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/rest/credentials',
	);
	const popupOpened = page.waitForEvent('popup');
	await dialog.locator('[data-test-id="oauth-not-connected-banner"]').getByRole('button', { name: 'Connect' }).click();
	const { id, name, type } = ((await (await saved).json()) as { data: StoredCredential }).data;

	const popup = await popupOpened;
	await popup.waitForLoadState('domcontentloaded');
	await popup.locator('select[name="user"]').selectOption(settings.userEmail);
	await popup.getByRole('button', { name: 'Allow' }).click();

	await dialog.locator('[data-test-id="oauth-connect-success-banner"]', { hasText: 'Account connected' }).waitFor();
	return { id, name, type };
}
