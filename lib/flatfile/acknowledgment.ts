import { buildContrl } from './edifact/contrl';
import { readInterchange, remittancesOf } from './inbound';
import { buildX12Acknowledgment } from './x12/ack-997';

export interface AcknowledgmentSettings {
	controlNumber: number;
	date: Date;
	defaultCurrency: string;
}

export interface Acknowledgment {
	syntax: 'x12' | 'edifact';
	text: string;
	accepted: boolean;
	/** Per transaction set / message: accepted or the reasons it was rejected. */
	parts: Array<{ type: string; reference: string; accepted: boolean; errors: string[] }>;
}

/** A 997 (X12) or CONTRL (EDIFACT) for an inbound interchange: envelope and remittance content. */
export function acknowledge(text: string, settings: AcknowledgmentSettings): Acknowledgment {
	const inbound = readInterchange(text);
	const { errors } = remittancesOf(inbound, settings.defaultCurrency);
	if (inbound.syntax === 'x12') {
		const ack = buildX12Acknowledgment(inbound.interchange, errors, settings);
		return {
			syntax: 'x12',
			text: ack.text,
			accepted: ack.accepted,
			parts: ack.sets.map((set) => ({ type: set.code, reference: set.controlNumber, accepted: set.accepted, errors: set.errors })),
		};
	}
	const ack = buildContrl(inbound.interchange, errors, {
		interchangeReference: String(settings.controlNumber),
		date: settings.date,
	});
	return {
		syntax: 'edifact',
		text: ack.text,
		accepted: ack.accepted,
		parts: ack.messages.map((message) => ({ type: message.type, reference: message.reference, accepted: message.accepted, errors: message.errors })),
	};
}
