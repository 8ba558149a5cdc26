import { notFound, ok } from '../http';
import type { Route } from '../router';

export const fileRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/files/:fileId',
		auth: 'company',
		handler: (ctx) => {
			const id = ctx.req.params.fileId;
			const file = ctx.store.files.get(id);
			if (!file || file.companyId !== ctx.auth.companyId) throw notFound('File', id);
			if (ctx.store.switches.fileDownload === 'raw') {
				return {
					status: 200,
					raw: { contentType: file.MimeType, data: file.content },
					headers: { 'Content-Disposition': `attachment; filename="${file.FileName.replace(/"/g, '')}"` },
				};
			}
			return ok({
				FileID: file.FileID,
				FileName: file.FileName,
				MimeType: file.MimeType,
				FileContent: file.content.toString('base64'),
			});
		},
	},
];
