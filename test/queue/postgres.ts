import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '../support/n8n/free-port';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	database: string;
	logFile: string;
	stop(): void;
}

const SYSTEM_USER = 'postgres';

function postgresBin(tool: string): string {
	const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error('PostgreSQL is not installed: run test/queue/install-services.sh');
	return join('/usr/lib/postgresql', versions[0], 'bin', tool);
}

/** Runs a PostgreSQL tool as the postgres system user: the server refuses to run as root. */
function asPostgres(tool: string, args: string[]): string {
	return execFileSync('runuser', ['-u', SYSTEM_USER, '--', postgresBin(tool), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A throw-away PostgreSQL cluster in `parentDir` on 127.0.0.1 and a free port, owned by the postgres
 * system user, with trust authentication (reachable only from this machine, gone after the run).
 */
export async function startPostgres(parentDir: string): Promise<PostgresServer> {
	const home = join(parentDir, 'postgres');
	const dataDir = join(home, 'data');
	const logFile = join(home, 'postgres.log');
	// The postgres user must be able to reach its folder inside a private temporary folder.
	chmodSync(parentDir, 0o755);
	mkdirSync(home, { recursive: true });
	const { uid, gid } = userIds(SYSTEM_USER);
	chownSync(home, uid, gid);
	const port = await freePort();
	asPostgres('initdb', ['-D', dataDir, '-U', SYSTEM_USER, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	asPostgres('pg_ctl', [
		'-D', dataDir, '-l', logFile, '-w', '-t', '60',
		'-o', `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${home} -c fsync=off -c max_connections=100`,
		'start',
	]);
	return {
		host: '127.0.0.1',
		port,
		user: SYSTEM_USER,
		database: 'postgres',
		logFile,
		stop: () => {
			try {
				asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(home, { recursive: true, force: true });
			}
		},
	};
}

function userIds(name: string): { uid: number; gid: number } {
	const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}
