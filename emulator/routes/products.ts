import { badRequest, idParam, notFound, objectBody, ok } from '../http';
import { listPage } from '../listing';
import { round2 } from '../order-model';
import type { Route } from '../router';
import type { Json } from '../store';
import { validate, type Schema } from '../validation';

const productSchema: Schema = {
	ProductID: 'integer',
	Reference: 'string',
	Description: 'string',
	AmountExcl: 'number',
	AmountIncl: 'number',
	VAT: 'number',
	Unit: 'string',
	GroupID: 'integer',
	GroupName: 'string',
	StockQuantity: 'number',
	EAN: 'string',
	GTIN: 'string',
	BuyExcl: 'number',
};
const productList = {
	properties: new Set([...Object.keys(productSchema), 'LastModified']),
	searchIn: ['Reference', 'Description', 'EAN', 'GTIN', 'GroupName'],
	defaultOrder: 'ProductID asc',
};

export const productRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/products',
		auth: 'company',
		handler: (ctx) => ok(listPage(ctx.req, [...ctx.auth.data.products.values()], productList, ctx.store.switches, ctx.baseUrl)),
	},
	{
		method: 'POST',
		pattern: '/v1/products',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			validate(body, productSchema, store.switches.rejectUnknownFields);
			const products = auth.data.products;
			// Upsert: by ProductID, else by Reference.
			let existing: Json | undefined;
			if (body.ProductID !== undefined) {
				existing = products.get(body.ProductID as number);
				if (!existing) throw notFound('Product', body.ProductID as number);
			} else if (body.Reference) {
				existing = [...products.values()].find((product) => product.Reference === body.Reference);
			}
			if (!existing && !body.Description && !body.Reference) {
				throw badRequest('RequiredFieldMissing', "Product: 'Description' or 'Reference' is required");
			}
			const product: Json = existing ?? { ProductID: store.nextId('product') };
			Object.assign(product, body, { LastModified: store.stamp() });
			const vat = (product.VAT as number | undefined) ?? 0;
			if (body.AmountExcl !== undefined) product.AmountIncl = round2((body.AmountExcl as number) * (1 + vat / 100));
			else if (body.AmountIncl !== undefined) product.AmountExcl = round2((body.AmountIncl as number) / (1 + vat / 100));
			products.set(product.ProductID as number, product);
			return ok(product.ProductID);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/products/:productId',
		auth: 'company',
		handler: ({ req, auth }) => {
			const id = idParam(req, 'productId', 'Product');
			const product = auth.data.products.get(id);
			if (!product) throw notFound('Product', id);
			return ok(product);
		},
	},
];
