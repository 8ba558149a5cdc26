import { idParam, notFound, ok } from '../http';
import type { Route } from '../router';
import type { Order } from '../store';

const csvCell = (value: unknown) => {
	const text = value === undefined || value === null ? '' : String(value);
	return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A journal CSV of the company's orders in one direction, built when asked. */
function journal(orders: Order[]): string {
	const header = ['OrderNumber', 'OrderDate', 'CounterParty', 'VATNumber', 'TotalExcl', 'TotalVAT', 'TotalIncl', 'Currency', 'Paid'];
	const rows = orders.map((order) => {
		const party = (order.CounterParty ?? {}) as Record<string, unknown>;
		return [order.OrderNumber, order.OrderDate, party.Name, party.VATNumber, order.TotalExcl, order.TotalVAT, order.TotalIncl, order.Currency, order.Paid];
	});
	return [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

export const reportRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/reports',
		auth: 'company',
		handler: ({ auth }) => ok(auth.data.reports),
	},
	{
		method: 'GET',
		pattern: '/v1/reports/:reportId',
		auth: 'company',
		handler: ({ req, auth }) => {
			const id = idParam(req, 'reportId', 'Report');
			const report = auth.data.reports.find((candidate) => candidate.ReportID === id);
			if (!report) throw notFound('Report', id);
			const direction = report.ReportName === 'Purchase journal' ? 'Cost' : 'Income';
			const orders = [...auth.data.orders.values()].filter((order) => order.OrderDirection === direction);
			return ok({ ID: id, Name: report.ReportName, CSVs: [journal(orders)] });
		},
	},
];
