import type { RuleId } from './catalog';
import type { CodeLists } from './code-lists';
import type { UblDocument } from './document';
import type { RuleRelease } from './releases';
import type { UblElement } from './types';

export interface RuleContext {
	readonly doc: UblDocument;
	/** The release whose rules are checked, and its code lists. */
	readonly release: RuleRelease;
	readonly lists: CodeLists;
	/** Report a violation at an element; `missing` names the absent child the rule asked for. */
	report(rule: RuleId, at: UblElement, missing?: string): void;
}

/** One group of checks; each check reports through the context and never throws on odd input. */
export type RuleSet = (context: RuleContext) => void;
