/** Defaults of the SFTP credential's advanced number settings, in seconds. */
export const SFTP_SETTING_DEFAULTS = {
	connectTimeout: 20,
	operationTimeout: 60,
	keepaliveInterval: 10,
} as const;
