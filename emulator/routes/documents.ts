import type { AuthContext } from '../auth';
import { badRequest, idParam, isRecord, notFound, objectBody, ok } from '../http';
import { receiveUbl } from '../incoming';
import { listPage } from '../listing';
import type { Route } from '../router';
import type { Json, Store } from '../store';
import { requireFields, validate, type Schema } from '../validation';

const fileSchema: Schema = { FileName: 'string', MimeType: 'string', FileContent: 'string' };
const documentSchema: Schema = { Name: 'string', DocumentType: 'string', Description: 'string', File: { object: fileSchema } };
const documentList = {
	properties: new Set(['DocumentID', 'DocumentType', 'Name', 'Description', 'Status', 'FileID', 'File', 'Created', 'LastModified']),
	searchIn: ['Name', 'Description', 'File/FileName'],
	defaultOrder: 'DocumentID desc',
};

/** Sniffs what an upload is: UBL (XML), PDF or an image; anything else is refused. */
export function uploadKind(content: Buffer, fileName: string): { kind: 'ubl' | 'pdf' | 'image'; mimeType: string } {
	const head = content.subarray(0, 8);
	if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf', mimeType: 'application/pdf' };
	if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return { kind: 'image', mimeType: 'image/png' };
	if (head[0] === 0xff && head[1] === 0xd8) return { kind: 'image', mimeType: 'image/jpeg' };
	if (content.toString('utf8', 0, 200).replace(/^\uFEFF/, '').trimStart().startsWith('<')) {
		return { kind: 'ubl', mimeType: 'application/xml' };
	}
	throw badRequest('UnsupportedFileType', `${fileName} is not a UBL, PDF or image file`);
}

function decodeFile(body: Json): { fileName: string; content: Buffer } {
	const file = body.File;
	if (!isRecord(file)) throw badRequest('RequiredFieldMissing', "The field 'File' is required");
	requireFields(file, ['FileName', 'FileContent'], 'File');
	const base64 = (file.FileContent as string).replace(/\s/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badRequest('InvalidFieldValue', "File.FileContent must be base64");
	const content = Buffer.from(base64, 'base64');
	if (content.length === 0) throw badRequest('InvalidFieldValue', 'File.FileContent is empty');
	return { fileName: file.FileName as string, content };
}

function addDocument(store: Store, auth: AuthContext, body: Json, status: string): Json {
	const { fileName, content } = decodeFile(body);
	const mimeType = ((body.File as Json).MimeType as string | undefined) ?? uploadKind(content, fileName).mimeType;
	const file = store.addFile(auth.companyId, fileName, mimeType, content);
	const stamp = store.stamp();
	const document: Json = {
		DocumentID: store.nextId('document'),
		DocumentType: body.DocumentType ?? 'Purchase',
		Name: body.Name ?? fileName,
		...(body.Description ? { Description: body.Description } : {}),
		Status: status,
		FileID: file.FileID,
		File: file,
		Created: stamp,
		LastModified: stamp,
	};
	auth.data.documents.set(document.DocumentID as number, document);
	store.emit({ entity: 'Document', type: 'I', companyId: auth.companyId, document });
	return document;
}

export const documentRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/documents',
		auth: 'company',
		handler: (ctx) => ok(listPage(ctx.req, [...ctx.auth.data.documents.values()], documentList, ctx.store.switches, ctx.baseUrl)),
	},
	{
		method: 'POST',
		pattern: '/v1/documents',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			validate(body, documentSchema, store.switches.rejectUnknownFields);
			return ok(addDocument(store, auth, body, 'Processed').DocumentID);
		},
	},
	{
		method: 'GET',
		pattern: '/v1/documents/:documentId',
		auth: 'company',
		handler: ({ req, auth }) => {
			const id = idParam(req, 'documentId', 'Document');
			const document = auth.data.documents.get(id);
			if (!document) throw notFound('Document', id);
			return ok(document);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/toProcess',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			validate(body, { File: { object: fileSchema }, FileSource: { object: fileSchema }, Split: 'boolean', MetaData: 'map' }, store.switches.rejectUnknownFields);
			const { fileName, content } = decodeFile(body);
			const uploadId = store.nextId('upload');
			if (uploadKind(content, fileName).kind === 'ubl') {
				const order = receiveUbl(store, auth, content, fileName);
				auth.data.uploads.set(uploadId, { OrderID: order.OrderID });
			} else {
				const document = addDocument(store, auth, { File: body.File, DocumentType: 'Purchase' }, 'Pending');
				auth.data.uploads.set(uploadId, { DocumentID: document.DocumentID as number });
			}
			return ok(uploadId);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/toProcess/:uploadId',
		auth: 'company',
		handler: ({ req, auth }) => {
			const id = idParam(req, 'uploadId', 'Upload');
			const upload = auth.data.uploads.get(id);
			if (!upload) throw notFound('Upload', id);
			if (upload.OrderID !== undefined) {
				throw badRequest('AlreadyProcessed', `Upload ${id} was already processed into order ${upload.OrderID}`);
			}
			auth.data.documents.delete(upload.DocumentID as number);
			auth.data.uploads.delete(id);
			return ok(true);
		},
	},
];
