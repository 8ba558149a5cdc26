import { UblBuildError, UblDocumentError, UblXmlError } from '../../../lib/ubl/errors';
import { createRouter } from '../../Billit/actions/router';
import { InvalidUblError } from '../helpers/validation';
import { resources } from './resources';

/** What the user can do about a UBL problem, shown under the error message. */
function ublHint(error: unknown): string | undefined {
	if (error instanceof UblXmlError) return 'The file is not readable XML at the given line and column';
	if (error instanceof UblDocumentError) return 'The XML is not a UBL invoice, credit note or Peppol response this node reads';
	if (error instanceof InvalidUblError) {
		return 'Run "Pre-Validate UBL" for every violation with its rule id and element path';
	}
	if (error instanceof UblBuildError) return 'The Billit invoice lacks something a Peppol document requires';
	return undefined;
}

export const router = createRouter(resources, ublHint);
