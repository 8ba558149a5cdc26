import { ApiError, header, type EmuRequest } from './http';
import type { Company, CompanyData, Store, User } from './store';

export interface AuthContext {
	user: User;
	/** The company named by `PartyID`. */
	partyId: number;
	/** The company acted for: `ContextPartyID` when an accountant sends it, else `PartyID`. */
	companyId: number;
	company: Company;
	data: CompanyData;
}

const unauthorized = (code: string, description: string, headers: Record<string, string> = {}) =>
	new ApiError(401, code, description, headers);

/** The user behind `ApiKey` or `Authorization: Bearer`, or Billit's 401. */
export function authenticateUser(store: Store, req: EmuRequest): User {
	const authorization = header(req, 'authorization');
	if (authorization && /^bearer\s+/i.test(authorization)) {
		const token = authorization.replace(/^bearer\s+/i, '').trim();
		const grant = store.accessTokens.get(token);
		if (!grant || grant.expiresAt <= store.clock.now()) {
			throw unauthorized('InvalidAccessToken', 'The access token is not valid or has expired', {
				'WWW-Authenticate': 'Bearer error="invalid_token"',
			});
		}
		const user = store.userByEmail(grant.email);
		if (!user) throw unauthorized('InvalidAccessToken', 'The access token is not valid or has expired');
		return user;
	}
	const apiKey = header(req, 'apikey');
	const user = apiKey ? store.userByApiKey(apiKey.trim()) : undefined;
	if (!user) throw unauthorized('ApiKeyNotValid', 'The API key is missing or not valid');
	return user;
}

/** Resolves `PartyID` and `ContextPartyID` against the companies the user may access. */
export function authorizeCompany(store: Store, req: EmuRequest, user: User): AuthContext {
	const partyId = partyHeader(req, 'PartyID');
	if (partyId === undefined) {
		throw new ApiError(400, 'PartyIDRequired', 'The PartyID header is required for this request');
	}
	const contextId = partyHeader(req, 'ContextPartyID');
	const forbidden = (id: number) =>
		new ApiError(
			store.switches.forbiddenPartyStatus,
			'NoAccessToParty',
			`The user has no access to the company with PartyID ${id}`,
		);
	if (!user.companyIds.includes(partyId)) throw forbidden(partyId);
	const companyId = contextId ?? partyId;
	if (!user.companyIds.includes(companyId)) throw forbidden(companyId);
	const company = store.companies.get(companyId);
	if (!company) throw forbidden(companyId);
	if (!company.APIAllowed) {
		throw new ApiError(403, 'APINotAllowed', `API access is not enabled for company ${company.Name}`);
	}
	return { user, partyId, companyId, company, data: store.companyData(companyId) };
}

function partyHeader(req: EmuRequest, name: string): number | undefined {
	const raw = header(req, name)?.trim();
	if (raw === undefined || raw === '') return undefined;
	if (!/^\d{1,15}$/.test(raw)) throw new ApiError(400, 'InvalidPartyID', `The ${name} header must be a number`);
	return Number(raw);
}
