import { posix } from 'node:path';

import { firstControlCharacter } from '../../text/control-characters';

/** The variables a path template may use (the File Exchange node's Path Template field lists them too). */
export const PATH_TEMPLATE_VARIABLES = [
	'uen_number',
	'vat_number',
	'invoice_type',
	'document_type',
	'year',
	'month',
	'order_number',
	'order_id',
	'external_id',
	'file_type',
	'file_ext',
	'file_name',
] as const;

export type PathTemplateVariable = (typeof PATH_TEMPLATE_VARIABLES)[number];

const templateValue = (field: string, example?: string) =>
	`set Template Values → ${field}${example ? `, for example to {{ ${example} }}` : ''}`;

/** Where the upload's user gives each variable its value, for the message when one is missing. */
const WHERE_VALUES_COME_FROM: Record<PathTemplateVariable, string> = {
	uen_number: templateValue('UEN Number'),
	vat_number: templateValue('VAT Number'),
	invoice_type: templateValue('Invoice Type', "'sales'"),
	document_type: templateValue('Document Type', '$json.OrderType'),
	year: `${templateValue('Document Date', '$json.OrderDate')}; it gives [year] and [month]`,
	month: `${templateValue('Document Date', '$json.OrderDate')}; it gives [year] and [month]`,
	order_number: templateValue('Order Number', '$json.OrderNumber'),
	order_id: templateValue('Order ID', '$json.OrderID'),
	external_id: templateValue('External ID'),
	file_type: templateValue('File Type', "'pdf'"),
	file_ext: templateValue('File Extension', "'xml'"),
	file_name: 'the binary file has no name of its own; use other variables or set its file name upstream',
};

/** Values for a template; `year` and `month` are derived from `documentDate` unless given. */
export type PathTemplateValues = Partial<Record<PathTemplateVariable, string | number | null>> & {
	/** ISO date (`2026-03-31`) or timestamp; a timestamp is read in Europe/Brussels. */
	documentDate?: string | Date | null;
};

export interface PathTemplateOptions {
	/** Absolute folder every resolved path must stay inside. */
	baseFolder: string;
	/** Replaces `/` and `\` inside a value, such as the invoice number `2026/0001`. */
	slashReplacement?: string;
}

export interface ResolvedPath {
	/** Absolute, normalised remote path of the file. */
	path: string;
	folder: string;
	fileName: string;
}

export class PathTemplateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PathTemplateError';
	}
}

const VARIABLE_TOKEN = /\[([a-z_]+)\]/g;
const BRUSSELS_DATE = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Brussels',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
});
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function hasControlCharacter(text: string): boolean {
	return firstControlCharacter(text) !== undefined;
}

function isKnownVariable(name: string): name is PathTemplateVariable {
	return (PATH_TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** Year and month of a document date as a Belgian user reads it, not the run time. */
export function brusselsYearMonth(date: string | Date): {
	year: string;
	month: string;
} {
	if (typeof date === 'string') {
		const dateOnly = DATE_ONLY.exec(date.trim());
		if (dateOnly) return { year: dateOnly[1], month: dateOnly[2] };
	}
	const instant = typeof date === 'string' ? new Date(date.trim()) : date;
	if (Number.isNaN(instant.getTime())) {
		throw new PathTemplateError(`the document date "${String(date)}" is not a valid date`);
	}
	const parts = BRUSSELS_DATE.formatToParts(instant);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return { year: part('year'), month: part('month') };
}

function assertNoControlCharacters(text: string, what: string): void {
	if (hasControlCharacter(text)) {
		throw new PathTemplateError(`${what} contains a control character`);
	}
}

function validateReplacement(replacement: string): string {
	const normalised = replacement.normalize('NFC');
	if (
		normalised === '' ||
		normalised.includes('/') ||
		normalised.includes('\\') ||
		normalised.includes('.') ||
		hasControlCharacter(normalised)
	) {
		throw new PathTemplateError(
			'the slash replacement must be a non-empty text without "/", "\\", "." or control characters',
		);
	}
	return normalised;
}

/** Turns one variable value into a safe single path segment part. */
export function sanitiseValue(name: string, raw: string, slashReplacement = '-'): string {
	const replacement = validateReplacement(slashReplacement);
	const value = raw.normalize('NFC').trim();
	if (value === '') throw new PathTemplateError(`path variable [${name}] is empty`);
	assertNoControlCharacters(value, `path variable [${name}]`);
	if (value.includes('..')) throw new PathTemplateError(`path variable [${name}] contains ".."`);
	const replaced = value.replace(/[/\\]/g, replacement);
	if (replaced === '.') throw new PathTemplateError(`path variable [${name}] is "."`);
	return replaced;
}

function derivedValues(values: PathTemplateValues): PathTemplateValues {
	const derived: PathTemplateValues = { ...values };
	const needsDate = derived.year == null || derived.month == null;
	if (needsDate && values.documentDate != null && values.documentDate !== '') {
		const { year, month } = brusselsYearMonth(values.documentDate);
		derived.year ??= year;
		derived.month ??= month;
	}
	if (typeof derived.file_ext === 'string') derived.file_ext = derived.file_ext.replace(/^\.+/, '');
	return derived;
}

/** True when `candidate` is `base` itself or lies below it (both absolute and normalised). */
export function isInsideFolder(base: string, candidate: string): boolean {
	const normalisedBase = posix.normalize(base).replace(/\/+$/, '') || '/';
	if (normalisedBase === '/') return candidate.startsWith('/');
	return candidate === normalisedBase || candidate.startsWith(`${normalisedBase}/`);
}

/**
 * Resolves a template such as `/export/[uen_number]/[year]/[order_number].[file_ext]` into a remote
 * path. Relative templates are placed under the base folder; the result must stay inside it.
 */
export function resolvePathTemplate(
	template: string,
	values: PathTemplateValues,
	options: PathTemplateOptions,
): ResolvedPath {
	const base = options.baseFolder.normalize('NFC');
	if (!base.startsWith('/')) throw new PathTemplateError(`the base folder "${base}" must be absolute`);
	assertNoControlCharacters(base, 'the base folder');

	const normalisedTemplate = template.normalize('NFC').trim();
	if (normalisedTemplate === '') throw new PathTemplateError('the path template is empty');
	assertNoControlCharacters(normalisedTemplate, 'the path template');

	const literalSegments = normalisedTemplate.replace(VARIABLE_TOKEN, 'x').split('/');
	if (literalSegments.some((segment) => segment === '..' || segment === '.')) {
		throw new PathTemplateError('the path template contains a "." or ".." segment');
	}

	const available = derivedValues(values);
	const rendered = normalisedTemplate.replace(VARIABLE_TOKEN, (_token, name: string) => {
		if (!isKnownVariable(name)) {
			throw new PathTemplateError(
				`unknown path variable [${name}]; known: ${PATH_TEMPLATE_VARIABLES.map((v) => `[${v}]`).join(', ')}`,
			);
		}
		const raw = available[name];
		if (raw == null) throw new PathTemplateError(`path variable [${name}] has no value: ${WHERE_VALUES_COME_FROM[name]}`);
		return sanitiseValue(name, String(raw), options.slashReplacement);
	});

	const absolute = rendered.startsWith('/') ? rendered : posix.join(base, rendered);
	const path = posix.normalize(absolute);
	if (path.endsWith('/')) throw new PathTemplateError(`the path "${path}" has no file name`);
	if (!isInsideFolder(base, path)) {
		throw new PathTemplateError(`the path "${path}" is outside the base folder "${base}"`);
	}
	return { path, folder: posix.dirname(path), fileName: posix.basename(path) };
}

/** Detects two paths in one run that differ only in letter case (they collide on many servers). */
export class CaseCollisionDetector {
	private readonly seen = new Map<string, string>();

	check(path: string): void {
		const key = path.toLocaleLowerCase('en');
		const earlier = this.seen.get(key);
		if (earlier !== undefined && earlier !== path) {
			throw new PathTemplateError(`the path "${path}" differs from "${earlier}" only in letter case`);
		}
		this.seen.set(key, path);
	}
}
