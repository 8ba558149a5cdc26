/**
 * The Billit faults of the export test, as emulator rules. Rules are tried in order and at most one
 * fires per request, so each share is taken of what the earlier rules left.
 */
import type { Emulator } from '../../emulator';

interface FaultSpec {
	kind: 'status' | 'dropBefore' | 'dropAfter';
	status?: number;
	method?: string;
	/** Of all the requests the rule matches. */
	share: number;
}

const FAULTS: FaultSpec[] = [
	// The flag is committed, the answer lost: the node must resend the PATCH without harm.
	{ kind: 'dropAfter', method: 'PATCH', share: 0.05 },
	// With Retry-After (the emulator sends 1 s).
	{ kind: 'status', status: 429, share: 0.05 },
	...[500, 502, 503, 504].map((status) => ({ kind: 'status' as const, status, share: 0.025 })),
	// Nothing happened on Billit's side; the connection closes before an answer.
	{ kind: 'dropBefore', share: 0.02 },
];

export function injectExportFaults(emulator: Emulator): void {
	let left = 1;
	for (const { share, ...rule } of FAULTS) {
		// A method-bound rule only takes from its own method's requests, which the later rules see too.
		emulator.admin.addFault({ ...rule, share: share / left });
		if (!rule.method) left -= share;
	}
}

export interface FaultHits {
	/** 429 and 5xx answers given: each is a retry the node had to make. */
	retriedStatuses: number;
	tooManyRequests: number;
	serverErrors: number;
	droppedBefore: number;
	droppedAfterCommit: number;
}

export function faultHits(emulator: Emulator): FaultHits {
	const rules = emulator.admin.faults.list();
	const hitsWhere = (test: (rule: (typeof rules)[number]) => boolean) => rules.filter(test).reduce((sum, rule) => sum + rule.hits, 0);
	const tooManyRequests = hitsWhere((rule) => rule.status === 429);
	const serverErrors = hitsWhere((rule) => (rule.status ?? 0) >= 500);
	return {
		retriedStatuses: tooManyRequests + serverErrors,
		tooManyRequests,
		serverErrors,
		droppedBefore: hitsWhere((rule) => rule.kind === 'dropBefore'),
		droppedAfterCommit: hitsWhere((rule) => rule.kind === 'dropAfter'),
	};
}
