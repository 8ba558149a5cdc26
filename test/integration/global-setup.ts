import type { TestProject } from 'vitest/node';

import { startTestServers } from '../support/servers';

// Real servers for the whole integration project: tests read them with `inject('testServers')`.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const { stop, ...descriptor } = await startTestServers();
	project.provide('testServers', descriptor);
	return stop;
}
