import type { Locator, Page } from 'playwright-core';

import type { StoredCredential } from '../../support/n8n/client';

export const CREDENTIAL_DIALOG = '[data-test-id="credential-edit-dialog"]';

/** Opens "Create credential", picks the type by the name users see, and returns the edit dialog. */
export async function openNewCredential(page: Page, typeName: string): Promise<Locator> {
	await page.goto('/home/credentials/create', { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="new-credential-type-select"] input').fill(typeName);
	await page.locator('[data-test-id="new-credential-type-select-option"]', { hasText: typeName }).first().click();
	await page.locator('[data-test-id="new-credential-type-button"]').click();
	const dialog = page.locator(CREDENTIAL_DIALOG);
	await dialog.waitFor();
	return dialog;
}

/** The input of a credential field, found by its parameter name. */
export function credentialField(dialog: Locator, parameter: string): Locator {
	return dialog.locator(`[data-test-id="parameter-input-${parameter}"]`);
}

/** Types into a text, number or textarea field. */
export async function fillCredentialField(dialog: Locator, parameter: string, value: string): Promise<void> {
	await credentialField(dialog, parameter).locator('input, textarea').first().fill(value);
}

/** Picks an option of an options field by the option's label. */
export async function chooseCredentialOption(page: Page, dialog: Locator, parameter: string, label: RegExp): Promise<void> {
	await credentialField(dialog, parameter).click();
	await page.getByRole('option', { name: label }).click();
}

/** Clicks "Save" and resolves with the credential n8n stored (created or updated). */
export async function saveCredential(page: Page): Promise<StoredCredential> {
	const saved = page.waitForResponse(
		(response) =>
			['POST', 'PATCH'].includes(response.request().method()) &&
			/^\/rest\/credentials(\/[^/]+)?$/.test(new URL(response.url()).pathname),
	);
	await page.locator('[data-test-id="credential-save-button"]').click();
	const { id, name, type } = ((await (await saved).json()) as { data: StoredCredential }).data;
	return { id, name, type };
}

/** The stored fields as n8n's editor reads them back (secrets come back blanked). */
export async function storedCredentialData(page: Page, id: string): Promise<Record<string, unknown>> {
	const response = await page.request.get(`/rest/credentials/${id}?includeData=true`);
	return ((await response.json()) as { data: { data: Record<string, unknown> } }).data.data;
}
