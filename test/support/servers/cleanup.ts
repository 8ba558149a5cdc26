/** Runs `work`; if it fails, runs `cleanup` first and then fails with the original error. */
export async function cleanUpOnFailure<T>(work: () => Promise<T>, cleanup: () => Promise<void>): Promise<T> {
	return await work().catch(async (error: unknown) => {
		await cleanup();
		throw error;
	});
}
