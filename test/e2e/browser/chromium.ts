import { existsSync } from 'node:fs';

import { chromium, type Browser, type BrowserContext } from 'playwright-core';

import type { N8nCoordinates } from '../../support/n8n/client';

/** Debian's chromium package (apt-get install -y chromium); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1400, height: 800 };

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`no Chromium at ${CHROMIUM}: install the Debian package (apt-get install -y chromium) or set CHROMIUM_PATH`);
	}
	// Chromium's sandbox refuses to run as root, which CI containers are.
	const asRoot = process.getuid?.() === 0;
	return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
}

/**
 * A browser session signed in as the harness's owner: the session cookie the global setup got
 * from n8n's login goes into the browser, as if the owner had logged in there.
 */
export async function ownerSession(browser: Browser, n8n: N8nCoordinates): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: VIEWPORT, baseURL: n8n.baseUrl });
	const separator = n8n.sessionCookie.indexOf('=');
	await context.addCookies([
		{
			name: n8n.sessionCookie.slice(0, separator),
			value: n8n.sessionCookie.slice(separator + 1),
			url: n8n.baseUrl,
			httpOnly: true,
			sameSite: 'Lax',
		},
	]);
	return context;
}
