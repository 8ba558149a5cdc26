import type { PostgresServer } from './postgres';
import type { RedisServer } from './redis';

/**
 * What the main instance and every worker share in queue mode: Redis for the job queue, PostgreSQL
 * for workflows, credentials and executions, and binary data in the database (n8n refuses
 * filesystem mode in queue mode, since a worker cannot read another process's disk).
 */
export function queueModeEnv(postgres: PostgresServer, redis: RedisServer): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_DATABASE: postgres.database,
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		// Manual runs go to the workers too, like production runs.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}
