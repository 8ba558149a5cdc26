/** Where the e2e global setup's Billit emulator listens; its `/_emulator` admin API drives tests. */
export interface EmulatorCoordinates {
	url: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		billitEmulator: EmulatorCoordinates;
	}
}
