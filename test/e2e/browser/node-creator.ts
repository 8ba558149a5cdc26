import type { Page } from 'playwright-core';

export interface CreatorEntry {
	name: string;
	description: string;
}

const SEARCH = '[data-test-id="node-creator-search-bar"]';
const ITEM = '[data-test-id="item-iterator-item"]';

/** Types into the open node creator's search box. */
export async function typeInNodeCreator(page: Page, words: string): Promise<void> {
	await page.locator(SEARCH).fill(words);
}

/** The entries the node creator lists now, with their descriptions. */
export async function listedEntries(page: Page): Promise<CreatorEntry[]> {
	return await page.locator(ITEM).evaluateAll((items) =>
		items
			.map((item) => ({
				name: item.querySelector('[data-test-id="node-creator-item-name"]')?.textContent?.trim() ?? '',
				description: item.querySelector('[data-test-id="node-creator-item-description"]')?.textContent?.trim() ?? '',
			}))
			.filter((entry) => entry.name !== ''),
	);
}

/** Opens the node creator on an empty canvas ("Add first step"). */
export async function openNodeCreatorOnNewWorkflow(page: Page): Promise<void> {
	await page.goto('/workflow/new', { waitUntil: 'domcontentloaded' });
	await page.locator('[data-test-id="canvas-add-button"]').click();
	await page.locator(SEARCH).waitFor();
}

/** Picks an entry the search listed; an app entry then shows its actions. */
export async function pickEntry(page: Page, name: string): Promise<void> {
	await page.locator('[data-test-id="node-creator-item-name"]', { hasText: name }).first().click();
}
