import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IHookFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { BILLIT_OAUTH2_CREDENTIAL, credentialTypeFor } from '../../lib/billit/request/request';

export type TriggerContext = IHookFunctions | IPollFunctions | IWebhookFunctions;

/**
 * What seals this trigger's webhook secrets in static data: the credential's API key, or its OAuth2
 * client secret (tokens would not do: they change with every refresh). n8n keeps both encrypted.
 */
export async function sealingKeyMaterial(this: TriggerContext): Promise<string> {
	const credentialType = credentialTypeFor(this.getNodeParameter('authentication', 'apiKey'));
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const material = credentialType === BILLIT_OAUTH2_CREDENTIAL ? credentials.clientSecret : credentials.apiKey;
	if (typeof material === 'string' && material !== '') return material;
	throw new NodeOperationError(
		this.getNode(),
		credentialType === BILLIT_OAUTH2_CREDENTIAL
			? 'The Billit OAuth2 credential has no client secret to protect the webhook secrets with'
			: 'The Billit credential has no API key',
	);
}
