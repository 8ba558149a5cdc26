import type { Switches } from './switches';
import type { EmuResponse } from './http';

/** Billit's error body in the shape chosen by the `errorShape` switch. */
export function errorResponse(
	switches: Switches,
	status: number,
	code: string,
	description: string,
	headers: Record<string, string> = {},
): EmuResponse {
	const body =
		switches.errorShape === 'legacy'
			? { ErrorMessage: description, DefaultText: description, ErrorEnum: code }
			: { errors: [{ Code: code, Description: description }] };
	return { status, body, headers };
}
