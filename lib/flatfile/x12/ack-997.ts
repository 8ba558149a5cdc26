import type { FlatFileError } from '../errors';
import type { Segment } from '../segments';
import { buildX12Interchange, type X12Group, type X12Interchange, type X12TransactionBody } from './envelope';

export interface AcknowledgmentOptions {
	controlNumber: number;
	date: Date;
	usage?: 'P' | 'T';
}

/** Content errors found while reading a set's data, by ST02 control number. */
export type ContentErrors = Map<string, FlatFileError[]>;

export interface SetVerdict {
	code: string;
	controlNumber: string;
	accepted: boolean;
	errors: string[];
}

function positionInSet(header: Segment, position: number): number {
	return position - header.position + 1;
}

function groupSegments(
	group: X12Group,
	contentErrors: ContentErrors,
	interchangeRejected: boolean,
	verdicts: SetVerdict[],
): X12TransactionBody['segments'] {
	const segments: X12TransactionBody['segments'] = [['AK1', [group.functionalId, group.controlNumber]]];
	let accepted = 0;
	for (const set of group.transactions) {
		segments.push(['AK2', [set.code, set.controlNumber]]);
		const content = contentErrors.get(set.controlNumber) ?? [];
		for (const error of content) {
			if (!error.segment) continue;
			segments.push(['AK3', [error.segment.tag, positionInSet(set.header, error.segment.position), undefined, '8']]);
			if (error.segment.element) segments.push(['AK4', [error.segment.element, undefined, '7']]);
		}
		const ok = set.problems.length === 0 && content.length === 0;
		if (ok) accepted++;
		const code = set.problems[0]?.code ?? (content.length > 0 ? '5' : undefined);
		segments.push(['AK5', [ok ? 'A' : 'R', code]]);
		verdicts.push({
			code: set.code,
			controlNumber: set.controlNumber,
			accepted: ok,
			errors: [...set.problems.map((problem) => problem.message), ...content.map((error) => error.message)],
		});
	}
	const groupProblem = group.problems[0]?.code ?? (interchangeRejected ? '3' : undefined);
	const status = groupProblem || accepted === 0 ? 'R' : accepted < group.transactions.length ? 'P' : 'A';
	segments.push(['AK9', [status, group.transactions.length, group.transactions.length, accepted, groupProblem]]);
	return segments;
}

/**
 * A 997 for a read interchange: per set AK2/AK5 (with AK3/AK4 for the segment and element in
 * error), per group AK9 (accepted, partially accepted or rejected). Sender and receiver swap.
 */
export function buildX12Acknowledgment(
	interchange: X12Interchange,
	contentErrors: ContentErrors,
	options: AcknowledgmentOptions,
): { text: string; accepted: boolean; sets: SetVerdict[] } {
	const verdicts: SetVerdict[] = [];
	const interchangeRejected = interchange.problems.length > 0;
	const bodies = interchange.groups.map((group) => ({
		code: '997',
		segments: groupSegments(group, contentErrors, interchangeRejected, verdicts),
	}));
	const text = buildX12Interchange(
		{
			sender: { qualifier: interchange.header.elements[6]?.[0], id: interchange.receiver },
			receiver: { qualifier: interchange.header.elements[4]?.[0], id: interchange.sender },
			controlNumber: options.controlNumber,
			date: options.date,
			usage: options.usage,
			delimiters: interchange.delimiters.element === '*' ? undefined : { ...interchange.delimiters },
		},
		bodies,
	);
	const accepted = !interchangeRejected && interchange.groups.every((group) => group.problems.length === 0) && verdicts.every((set) => set.accepted);
	return { text, accepted, sets: verdicts };
}
