/**
 * Holds the emulator to the written Billit contract: a request outside it is answered 422
 * `ContractViolation`, an answer of the emulator's own outside it becomes a 500 of that code, and
 * both are recorded so a test hook can fail the test that caused them.
 */
import { billitContract, checkAnswer, checkRequest, type Contract, type ContractEndpoint } from './contract';
import { ApiError, type EmuRequest, type EmuResponse } from './http';

const recorded: string[] = [];

/** Every violation recorded in this process since the last call, which clears them. */
export function takeContractViolations(): string[] {
	return recorded.splice(0);
}

/** Whether emulators enforce the contract unless told otherwise (the test suites set this). */
export function contractEnforcedByDefault(): boolean {
	return process.env.BILLIT_EMULATOR_CONTRACT === 'enforce';
}

export class ContractGuard {
	readonly violations: string[] = [];

	constructor(private readonly contract: Contract = billitContract) {}

	private record(found: string[]): void {
		this.violations.push(...found);
		recorded.push(...found);
	}

	/** Throws the 422 for a request outside the contract; the endpoint whose answer is to be checked. */
	request(request: EmuRequest): ContractEndpoint | undefined {
		const checked = checkRequest(this.contract, {
			method: request.method,
			path: request.path,
			query: request.url.searchParams,
			body: request.rawBody,
		});
		if (!checked) return undefined;
		if (checked.violations.length > 0) {
			this.record(checked.violations);
			throw new ApiError(422, 'ContractViolation', checked.violations.join('; '));
		}
		return checked.match.endpoint;
	}

	/** The answer itself, or a 500 `ContractViolation` when it departs from the contract. */
	answer(endpoint: ContractEndpoint, response: EmuResponse): EmuResponse | ApiError {
		if (response.status < 200 || response.status >= 300 || response.raw || response.body === undefined) return response;
		const violations = checkAnswer(this.contract, endpoint, response.body);
		if (violations.length === 0) return response;
		this.record(violations);
		return new ApiError(500, 'ContractViolation', `The emulator's answer departs from the contract: ${violations.join('; ')}`);
	}
}
