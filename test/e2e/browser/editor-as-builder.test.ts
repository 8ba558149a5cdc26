import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import { Billit } from '../../../nodes/Billit/Billit.node';
import type { StoredCredential } from '../../support/n8n/client';
import { repoRoot } from '../../support/n8n/repo';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { SftpFolder } from '../../support/pipelines/sftp-folder';
import { launchChromium, ownerSession } from './chromium';
import {
	chooseCredentialOption,
	credentialField,
	fillCredentialField,
	openNewCredential,
	saveCredential,
	storedCredentialData,
} from './credential-dialog';
import { listedEntries, openNodeCreatorOnNewWorkflow, pickEntry, typeInNodeCreator } from './node-creator';

// A low-code builder's path through the editor: credentials through their dialogs, nodes through
// the node creator's search, a workflow built on the canvas, run, and its output read.
const n8n = sharedN8n();
const sftp = inject('testServers').sftp;
const emulatorUrl = inject('billitEmulator').url;
const folder = new SftpFolder(sftp, '/browser');
const UI_TIMEOUT_MS = 240_000;
const DOCS = join(repoRoot, 'docs');
const TESTED_OK = 'Connection tested successfully';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const credentials: StoredCredential[] = [];
const workflowIds: string[] = [];

beforeAll(async () => {
	mkdirSync(DOCS, { recursive: true });
	folder.reset();
	folder.putFile('/browser/invoice-2026-0001.xml', '<Invoice/>');
	browser = await launchChromium();
	context = await ownerSession(browser, n8n.coordinates);
	context.setDefaultTimeout(UI_TIMEOUT_MS);
	page = await context.newPage();
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
	await Promise.allSettled(workflowIds.map(async (id) => await n8n.deleteWorkflow(id)));
	await Promise.allSettled(credentials.map(async (credential) => await n8n.deleteCredential(credential.id)));
});

/**
 * The credential dialog scrolled so that a field and its label are at its top (the dialog scrolls
 * inside a fixed height), or scrolled to its top, as a screenshot.
 */
async function screenshotDialogAt(dialog: Locator, parameter: string | 'top', path: string): Promise<void> {
	const anchor = parameter === 'top' ? credentialField(dialog, 'host') : credentialField(dialog, parameter);
	await anchor.evaluate((field, toTop) => {
		let container = field.parentElement;
		while (container && container.scrollHeight <= container.clientHeight) container = container.parentElement;
		if (!container) return;
		const label = 40;
		container.scrollTop = toTop
			? 0
			: container.scrollTop + field.getBoundingClientRect().top - container.getBoundingClientRect().top - label;
	}, parameter === 'top');
	await dialog.screenshot({ path });
}

describe('the editor as a builder uses it (headless Chromium)', () => {
	it('creates the Billit API credential in its dialog: without a Party ID the test says what to do', { timeout: 2 * UI_TIMEOUT_MS }, async () => {
		const dialog = await openNewCredential(page, 'Billit API');
		await expect.poll(async () => await dialog.getByText("Billit's terms allow API keys").isVisible()).toBe(true);
		await chooseCredentialOption(page, dialog, 'environment', /^Custom/);
		await fillCredentialField(dialog, 'baseUrl', emulatorUrl);
		await fillCredentialField(dialog, 'apiKey', DEMO.apiKey);
		const created = await saveCredential(page);
		credentials.push(created);
		// n8n folds the credential test's message under "More details".
		await dialog.getByText('More details').click();
		await dialog.getByText('The API key works, but Billit needs a Party ID').waitFor();

		await fillCredentialField(dialog, 'partyId', String(DEMO.partyIds[0]));
		await fillCredentialField(dialog, 'contextPartyId', String(DEMO.partyIds[1]));
		await saveCredential(page);
		await dialog.getByText(TESTED_OK).waitFor();
		await screenshotDialogAt(dialog, 'environment', join(DOCS, 'editor-billit-credential.png'));
		expect(await storedCredentialData(page, created.id)).toMatchObject({
			environment: 'custom',
			baseUrl: emulatorUrl,
			partyId: String(DEMO.partyIds[0]),
			contextPartyId: String(DEMO.partyIds[1]),
		});
		await page.keyboard.press('Escape');
	});

	it('creates the File Exchange SFTP credential in its dialog with every field, the advanced ones included', { timeout: 2 * UI_TIMEOUT_MS }, async () => {
		const dialog = await openNewCredential(page, 'File Exchange SFTP');
		const text = {
			host: sftp.host,
			port: String(sftp.port),
			username: sftp.username,
			password: sftp.password,
			privateKey: sftp.privateKey,
			passphrase: 'only read for an encrypted key',
			hostKeys: sftp.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		};
		for (const [name, value] of Object.entries(text)) await fillCredentialField(dialog, name, value);

		await credentialField(dialog, 'acceptAnyHostKey').click();
		await dialog.getByText('Without a host key check').waitFor();
		await credentialField(dialog, 'acceptAnyHostKey').click();

		await expect.poll(async () => await credentialField(dialog, 'cipher').count()).toBe(0);
		await credentialField(dialog, 'showAdvanced').click();
		const advanced = {
			cipher: 'aes128-ctr',
			serverHostKey: 'ssh-rsa',
			kex: 'diffie-hellman-group14-sha256',
			hmac: 'hmac-sha2-256',
			connectTimeout: '15',
			operationTimeout: '45',
			keepaliveInterval: '5',
		};
		for (const [name, value] of Object.entries(advanced)) await fillCredentialField(dialog, name, value);
		const created = await saveCredential(page);
		credentials.push(created);
		await dialog.getByText(TESTED_OK).waitFor();
		// Together the four show every field.
		await screenshotDialogAt(dialog, 'top', join(DOCS, 'editor-sftp-credential.png'));
		await screenshotDialogAt(dialog, 'privateKey', join(DOCS, 'editor-sftp-credential-keys.png'));
		await screenshotDialogAt(dialog, 'showAdvanced', join(DOCS, 'editor-sftp-credential-advanced.png'));
		await screenshotDialogAt(dialog, 'connectTimeout', join(DOCS, 'editor-sftp-credential-timeouts.png'));

		expect(await storedCredentialData(page, created.id)).toMatchObject({
			host: sftp.host,
			port: sftp.port,
			username: sftp.username,
			hostKeys: text.hostKeys,
			showAdvanced: true,
			cipher: advanced.cipher,
			serverHostKey: advanced.serverHostKey,
			kex: advanced.kex,
			hmac: advanced.hmac,
			connectTimeout: 15,
			operationTimeout: 45,
			keepaliveInterval: 5,
			// Secrets come back blanked, but stored: the connection test above logged in with them.
			password: expect.any(String),
			privateKey: expect.any(String),
			passphrase: expect.any(String),
		});
		await page.keyboard.press('Escape');
	});

	it('finds each node in the node creator by the words people type', { timeout: 2 * UI_TIMEOUT_MS }, async () => {
		await openNodeCreatorOnNewWorkflow(page);
		const expected: Array<[string, string]> = [
			['SFTP', 'File Exchange'],
			['FTP', 'File Exchange'],
			['FTPS', 'File Exchange'],
			['EDI', 'Invoice File Convert'],
			['X12', 'Invoice File Convert'],
			['EDIFACT', 'Invoice File Convert'],
			['CSV', 'Invoice File Convert'],
			['Peppol', 'Billit Peppol'],
			['UBL', 'Billit Peppol'],
			['e-invoice', 'Billit Peppol'],
			['Billit', 'Billit'],
		];
		for (const [words, name] of expected) {
			await typeInNodeCreator(page, words);
			await expect
				.poll(async () => (await listedEntries(page)).map((entry) => entry.name), { timeout: 30_000 })
				.toContain(name);
			if (words === 'SFTP') await page.screenshot({ path: join(DOCS, 'editor-search-sftp.png') });
		}
		// The Billit entry, which n8n shares with the Billit Trigger, describes the Billit node.
		const billit = (await listedEntries(page)).find((entry) => entry.name === 'Billit');
		expect(billit?.description).toBe(new Billit().description.description);
		await page.screenshot({ path: join(DOCS, 'editor-search-billit.png') });
	});

	it('builds Manual Trigger → File Exchange List on the canvas, runs it and reads the output panel', { timeout: 2 * UI_TIMEOUT_MS }, async () => {
		await openNodeCreatorOnNewWorkflow(page);
		await typeInNodeCreator(page, 'manual');
		await pickEntry(page, 'Manual Trigger');
		await page.locator('[data-test-id="canvas-handle-plus"]').first().click();
		await typeInNodeCreator(page, 'SFTP');
		await pickEntry(page, 'File Exchange');
		await page.locator('[data-test-id="node-creator"]').getByText('List files', { exact: true }).click();

		const ndv = page.locator('[data-test-id="ndv"]');
		await ndv.waitFor();
		// The only File Exchange SFTP credential is chosen by itself.
		await expect
			.poll(async () => await ndv.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value)))
			.toContain('File Exchange SFTP account');
		const folderInput = ndv.locator('[data-test-id="parameter-input-folder"]').locator('input, textarea').first();
		await folderInput.fill('/browser');
		await ndv.locator('[data-test-id="node-execute-button"]').first().click();

		const output = page.locator('[data-test-id="output-panel"]');
		await output.getByText('/browser/invoice-2026-0001.xml').first().waitFor();
		await expect.poll(async () => await output.innerText()).toMatch(/1 item/);
		await page.screenshot({ path: join(DOCS, 'editor-file-exchange-run.png') });
		const workflowId = /\/workflow\/([^/?#]+)/.exec(page.url())?.[1];
		if (workflowId && workflowId !== 'new') workflowIds.push(workflowId);
		expect(workflowId).toMatch(/^[A-Za-z0-9]+$/);
	});
});
