import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Node and credential type names a package declares in the `n8n` section of its package.json. */
export interface DeclaredTypes {
	packageName: string;
	nodes: string[];
	/** `<name>Tool`: the AI-tool variant n8n derives from every node marked `usableAsTool`. */
	toolNodes: string[];
	credentials: string[];
}

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

type Constructor = new () => unknown;

function exportedClasses(file: string): Constructor[] {
	if (!existsSync(file)) throw new Error(`package.json lists ${file}, which the build did not produce`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- built CommonJS files listed in package.json
	const exported = require(file) as Record<string, unknown>;
	return Object.values(exported).filter((value): value is Constructor => typeof value === 'function');
}

interface NodeDescriptionPart {
	description?: { name?: unknown; usableAsTool?: unknown };
}

function nodeName(instance: unknown, file: string): string {
	const name = (instance as NodeDescriptionPart).description?.name;
	if (typeof name !== 'string') throw new Error(`${file} exports a class without description.name`);
	return name;
}

function toolNodeNames(instance: unknown, file: string): string[] {
	return (instance as NodeDescriptionPart).description?.usableAsTool ? [`${nodeName(instance, file)}Tool`] : [];
}

function credentialName(instance: unknown, file: string): string {
	const name = (instance as { name?: unknown }).name;
	if (typeof name !== 'string') throw new Error(`${file} exports a class without name`);
	return name;
}

/**
 * Reads the lists from package.json (never hard-coded: nodes are added over time) and takes each
 * type's name from the built class, which is what n8n registers it under.
 */
export function declaredTypes(packageDir: string): DeclaredTypes {
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
	const namesIn = (files: string[] | undefined, namesOf: (instance: unknown, file: string) => string | string[]) =>
		(files ?? []).flatMap((file) => exportedClasses(join(packageDir, file)).flatMap((cls) => namesOf(new cls(), file)));
	return {
		packageName: manifest.name,
		nodes: namesIn(manifest.n8n?.nodes, nodeName),
		toolNodes: namesIn(manifest.n8n?.nodes, toolNodeNames),
		credentials: namesIn(manifest.n8n?.credentials, credentialName),
	};
}
