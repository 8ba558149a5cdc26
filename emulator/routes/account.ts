import { ok } from '../http';
import type { Route } from '../router';

export const accountRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/account/accountInformation',
		auth: 'user',
		handler: (ctx) => {
			const user = ctx.user;
			const companies = user.companyIds.flatMap((id) => {
				const company = ctx.store.companies.get(id);
				return company ? [company] : [];
			});
			return ok({
				Email: user.Email,
				FirstName: user.FirstName,
				LastName: user.LastName,
				// As the model's AccountInformation has them: the emulator's own company number stays inside.
				Companies: companies.map((company) => {
					const { CompanyNumber, ...modelled } = company;
					return CompanyNumber === undefined ? company : modelled;
				}),
				UserCompanyRoles: companies.map((company) => ({ PartyID: company.PartyID, UserRoleTypes: ['Admin'] })),
			});
		},
	},
];
