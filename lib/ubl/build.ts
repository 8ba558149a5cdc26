import { commercialDocumentTree } from './build-commercial';
import { applicationResponseTree } from './build-response';
import type { UblDocument } from './model';
import { serializeXml } from './xml-writer';

/**
 * Writes a document of the JSON model as UBL 2.1 XML (UTF-8), elements in the order the schema
 * requires, decimals exactly as the model holds them, amounts with their currencyID. Nothing the
 * model lacks is added: a document without a ProfileID is written without one.
 */
export function buildUbl(document: UblDocument): Buffer {
	const tree =
		document.kind === 'ApplicationResponse' ? applicationResponseTree(document) : commercialDocumentTree(document);
	return serializeXml(tree);
}
