
/** A worker's name and log file: tests read from the log which executions it ran. */
export interface QueueWorkerCoordinates {
	name: string;
	logFile: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		queueWorkers: QueueWorkerCoordinates[];
	}
}
