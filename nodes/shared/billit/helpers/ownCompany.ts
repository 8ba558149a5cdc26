import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { billitCompany } from '../../../../lib/billit/request/request';
import type { Party } from '../../../../lib/billit/types';
import { requestForItem } from './request';

/** The PartyID the node acts for: the Company parameter, else the API key credential's PartyID. */
export async function ownCompanyId(this: IExecuteFunctions, itemIndex: number): Promise<number> {
	const partyId = Number((await billitCompany.call(this, { itemIndex })).partyId);
	if (!Number.isInteger(partyId) || partyId <= 0) {
		throw new Error('Choose the Company: the credential has no PartyID');
	}
	return partyId;
}

/** The own company as a Billit party (name, VAT number, address, IBAN), from the account information. */
export async function ownCompanyParty(this: IExecuteFunctions, itemIndex: number): Promise<Party> {
	const partyId = await ownCompanyId.call(this, itemIndex);
	const account = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/account/accountInformation',
	})) as IDataObject;
	const companies = (account.Companies as Party[] | undefined) ?? [];
	const company = companies.find((candidate) => Number(candidate.PartyID) === partyId);
	if (!company) throw new Error(`The connected Billit account has no company with PartyID ${partyId}`);
	return company;
}
