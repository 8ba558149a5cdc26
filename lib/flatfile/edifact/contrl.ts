import type { FlatFileError } from '../errors';
import { buildEdifactInterchange, type EdifactInterchange, type EdifactMessageBody } from './envelope';

export interface ContrlOptions {
	interchangeReference: string;
	date: Date;
}

export interface MessageVerdict {
	type: string;
	reference: string;
	accepted: boolean;
	errors: string[];
}

const ACCEPTED = '7';
const REJECTED = '4';

/**
 * A CONTRL (syntax and service report) for a read interchange: UCI for the interchange, per message
 * UCM with UCS (segment position in the message) and UCD (element) for the data in error.
 */
export function buildContrl(
	interchange: EdifactInterchange,
	contentErrors: Map<string, FlatFileError[]>,
	options: ContrlOptions,
): { text: string; accepted: boolean; messages: MessageVerdict[] } {
	const verdicts: MessageVerdict[] = [];
	const segments: EdifactMessageBody['segments'] = [];
	for (const message of interchange.messages) {
		const content = contentErrors.get(message.reference) ?? [];
		const accepted = message.problems.length === 0 && content.length === 0;
		segments.push(['UCM', [message.reference, [message.type, ...message.version.split('.'), 'UN'], accepted ? ACCEPTED : REJECTED, message.problems[0]?.code]]);
		for (const error of content) {
			if (!error.segment) continue;
			segments.push(['UCS', [error.segment.position - message.header.position + 1, '12']]);
			if (error.segment.element) segments.push(['UCD', ['12', error.segment.element]]);
		}
		verdicts.push({
			type: message.type,
			reference: message.reference,
			accepted,
			errors: [...message.problems.map((problem) => problem.message), ...content.map((error) => error.message)],
		});
	}
	const accepted = interchange.problems.length === 0 && verdicts.every((verdict) => verdict.accepted);
	segments.unshift(['UCI', [interchange.reference, interchange.sender, interchange.receiver, accepted ? ACCEPTED : REJECTED, interchange.problems[0]?.code]]);
	const text = buildEdifactInterchange(
		{ sender: interchange.receiver, receiver: interchange.sender, interchangeReference: options.interchangeReference, date: options.date },
		[{ type: 'CONTRL', version: ['D', '3', 'UN'], segments }],
	);
	return { text, accepted, messages: verdicts };
}
