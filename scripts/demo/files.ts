import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files under a folder as `/path  size  mode`, for printing what landed on the demo server. */
export function describeFiles(root: string): string[] {
	return readdirSync(root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			const stat = statSync(path);
			const remote = `/${relative(root, path).split(sep).join('/')}`;
			return `${remote}  ${stat.size} bytes  mode ${(stat.mode & 0o777).toString(8)}`;
		})
		.sort();
}
