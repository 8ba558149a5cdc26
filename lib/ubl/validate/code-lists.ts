import { CODE_LIST_DATA } from './code-list-data';
import type { RuleRelease } from './releases';

type ListName = keyof (typeof CODE_LIST_DATA)['2025.5']['lists'];
export type CodeLists = Readonly<Record<ListName, ReadonlySet<string>>>;

const cache = new Map<RuleRelease, CodeLists>();

/** The code lists of a release, derived from its official schematron (see scripts/ubl-code-lists.mjs). */
export function codeLists(release: RuleRelease): CodeLists {
	let lists = cache.get(release);
	if (!lists) {
		const data: Record<string, string> = CODE_LIST_DATA[release].lists;
		lists = Object.fromEntries(Object.entries(data).map(([name, codes]) => [name, new Set(codes.split(' '))])) as unknown as CodeLists;
		cache.set(release, lists);
	}
	return lists;
}
