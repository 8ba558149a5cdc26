import { ApiError, notFound, ok } from '../http';
import type { Route } from '../router';
import { TYPE_CODES } from '../type-codes';

function codeList(type: string) {
	const key = Object.keys(TYPE_CODES).find((name) => name.toLowerCase() === type.toLowerCase());
	if (!key) throw notFound('Type code list', type);
	return TYPE_CODES[key];
}

export const miscRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/misc/companysearch/:keywords',
		auth: 'company',
		handler: ({ store, req }) => {
			const words = req.params.keywords.toLowerCase().split(/\s+/).filter(Boolean);
			if (words.length === 0 || words.join('').length < 2) {
				throw new ApiError(400, 'InvalidSearch', 'Search keywords need at least two characters');
			}
			const directory = [...store.companies.values()].map((company) => ({
				Source: 'KBO',
				CompanyIdentification: company.CompanyNumber,
				Name: company.Name,
				Street: company.Street,
				Number: company.StreetNumber,
				Zipcode: company.Zipcode,
				City: company.City,
				Country: company.CountryCode,
			}));
			const parties = [...store.data.values()].flatMap((data) => [...data.parties.values()]);
			for (const party of parties) {
				const vat = typeof party.VATNumber === 'string' ? party.VATNumber : '';
				if (!vat || directory.some((entry) => entry.CompanyIdentification === vat.slice(2))) continue;
				directory.push({
					Source: vat.startsWith('BE') ? 'KBO' : 'VIES',
					CompanyIdentification: vat.startsWith('BE') ? vat.slice(2) : vat,
					Name: party.Name as string,
					Street: party.Street as string,
					Number: party.StreetNumber as string,
					Zipcode: party.Zipcode as string,
					City: party.City as string,
					Country: party.CountryCode as string,
				});
			}
			const items = directory.filter((entry) => {
				const haystack = `${entry.Name} ${entry.CompanyIdentification} BE${entry.CompanyIdentification}`.toLowerCase();
				return words.every((word) => haystack.includes(word.replace(/[.\s]/g, '')));
			});
			return ok({ Items: items });
		},
	},
	{
		method: 'GET',
		pattern: '/v1/misc/typecodes/:type',
		auth: 'company',
		handler: ({ req }) =>
			ok({ Items: Object.entries(codeList(req.params.type)).map(([Key, labels]) => ({ Key, Value: labels.EN })) }),
	},
	{
		method: 'GET',
		pattern: '/v1/misc/typecodes/:type/:key/:language',
		auth: 'company',
		handler: ({ req }) => {
			const list = codeList(req.params.type);
			const labels = list[req.params.key];
			if (!labels) throw notFound('Type code', req.params.key);
			const language = req.params.language.toUpperCase() as keyof typeof labels;
			if (!(language in labels)) throw notFound('Language', req.params.language);
			return ok({ Key: req.params.key, Value: labels[language] });
		},
	},
];
