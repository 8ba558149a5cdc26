import { UblBuildError, UblDocumentError, UblXmlError } from '../../../lib/ubl/errors';
import { createRouter } from '../../shared/router';
import { InvalidUblError } from '../../shared/billit/helpers/validation';
import { resources } from './resources';

/** What the user can do about a UBL problem, shown under the error message. */
function ublHint(error: unknown): string | undefined {
	if (error instanceof UblXmlError) return 'The file is not readable XML at the given line and column';
	if (error instanceof UblDocumentError) return 'The XML is not a UBL invoice, credit note or Peppol response this node reads';
	if (error instanceof InvalidUblError) {
		return `Every violation, with its rule id and element path (also in the error item's details.violations):\n${error.violations.join('\n')}`;
	}
	if (error instanceof UblBuildError) return 'The Billit invoice lacks something a Peppol document requires';
	return undefined;
}

/** What an error item's details carry under continue-on-fail. */
function ublErrorDetails(error: unknown) {
	return error instanceof InvalidUblError ? { violations: error.violations } : undefined;
}

export const router = createRouter({ resources, hint: ublHint, errorDetails: ublErrorDetails });
