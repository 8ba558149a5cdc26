/**
 * The description of the File Exchange node and of its trigger. n8n's node creator shows the two as one
 * "File Exchange" entry with the trigger's description, so the trigger carries the text that fits that entry.
 */
export const FILE_EXCHANGE_APP_DESCRIPTION =
	'Upload, download, list, move and delete files over SFTP, FTP or FTPS, and a trigger on new or changed files';
