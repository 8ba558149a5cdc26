/** What a test needs to reach one server. Plain data: it crosses from the global setup to test workers. */

export interface HostKeyInfo {
	/** OpenSSH key type, e.g. `ssh-ed25519` or `ssh-rsa`. */
	type: string;
	/** `SHA256:` followed by unpadded base64, as `ssh-keygen -l` prints it. */
	fingerprintSha256: string;
	/** `[host]:port type base64`, ready for a known_hosts file. */
	knownHostsLine: string;
}

export interface SftpServerInfo {
	host: string;
	port: number;
	username: string;
	password: string;
	/** OpenSSH private key text (ed25519, no passphrase) authorised for `username`. */
	privateKey: string;
	hostKeys: HostKeyInfo[];
	/** Absolute path on disk of the folder the SFTP session starts in, owned by the test user. */
	root: string;
	/** The same folder as the SFTP client sees it (the session is chrooted). */
	remoteRoot: string;
	/** internal-sftp's own log (one line per open, close, rename, remove, ...), appended while it runs. */
	logFile: string;
	/** sshd's log (connections, authentication). */
	sshdLogFile: string;
}

export type FtpTlsMode = 'none' | 'explicit' | 'implicit';

export interface FtpServerInfo {
	host: string;
	port: number;
	username: string;
	password: string;
	/** Absolute path on disk of the folder the FTP session starts in. */
	root: string;
	/** The same folder as the FTP client sees it. */
	remoteRoot: string;
	tls: FtpTlsMode;
	/** PEM of the self-signed server certificate, to trust it as the only CA; empty without TLS. */
	ca: string;
}

export interface TestServers {
	sftp: SftpServerInfo;
	ftp: {
		/** ftp-srv (Node), running as root: files it writes are owned by root. */
		ftpSrv: FtpServerInfo;
		/** vsftpd from Debian with explicit TLS (AUTH TLS, TLS required, TLS session reuse required). */
		vsftpdExplicit: FtpServerInfo;
		/** vsftpd from Debian with implicit TLS. */
		vsftpdImplicit: FtpServerInfo;
		/** vsftpd from Debian without TLS. */
		vsftpdPlain: FtpServerInfo;
	};
}

export interface RunningTestServers extends TestServers {
	/** Stops every server and removes the run folder. Safe to call more than once. */
	stop(): Promise<void>;
}
