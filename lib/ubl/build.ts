import { commercialDocumentTree } from './build-commercial';
import { applicationResponseTree } from './build-response';
import type { UblDocument } from './model';
import { serializeXml } from './xml-writer';

/**
 * Writes a document of the JSON model as UBL 2.1 XML (UTF-8), elements in the order the schema
 * requires, amounts with two decimals and their currencyID. Invoices and credit notes get the
 * Peppol BIS Billing 3.0 customization and profile unless the model names others.
 */
export function buildUbl(document: UblDocument): Buffer {
	const tree =
		document.kind === 'ApplicationResponse' ? applicationResponseTree(document) : commercialDocumentTree(document);
	return serializeXml(tree);
}
