// Job files: YAML or JSON, validated against job.schema.json. Mistakes are reported as file:line:col
// with the offending field (YAML node ranges through a LineCounter), and unknown fields get a
// "did you mean" when they look like a typo of a known one.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, posix, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { isDynamicPattern } from 'tinyglobby';
import ajvRu from 'ajv-i18n/localize/ru/index.js';
import type { Localize } from 'ajv-i18n/localize/types.js';
import { t, uiLanguage } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import type { Lang } from '../types.ts';
import { providersSchema, type ProviderConfig } from '../translate/index.ts';
import { decodeText, DEFAULT_LIMITS, type DocumentError, type ReadLimits } from '../documents/index.ts';
// codes.ts alone: a bad job file is reported before the language stage and its models are loaded.
import { isLanguageCode } from '../language/codes.ts';
// formats.ts alone, for the same reason: the writers are not loaded to check a job file.
import { OUTPUT_FORMATS, type OutputFormat } from '../export/formats.ts';
import { nameLanguages, parseName } from './names.ts';
import schema from './job.schema.json' with { type: 'json' };

export type { OutputFormat };
export interface LangPair { src: Lang; tgt: Lang }

/** A job with every default filled in and every path absolute: plain data, JSON-serialisable. */
export interface Job {
  name: string;
  file?: string;
  root: string;
  input: string[];
  exclude: string[];
  languages: Lang[];
  pairs: LangPair[];
  glossaries: string[];
  pairing: { by: 'suffix' | 'none'; documents: Array<{ src: string; tgt: string }> };
  providers: ProviderConfig[];
  outDir: string;
  formats: OutputFormat[];
  concurrency: number;
  retries: { attempts: number; backoffMs: number };
  limits: ReadLimits;
  lowConfidence: number;
}

/** The job file as written (after validation). */
export interface JobFile {
  name?: string; root?: string; input: string | string[]; exclude?: string | string[]; languages?: Lang[];
  pairs?: Array<string | LangPair>; glossaries?: string | string[];
  pairing?: { by?: 'suffix' | 'none'; documents?: Array<{ src: string; tgt: string }> };
  translate?: { providers?: ProviderConfig[] }; output?: { dir?: string; formats?: OutputFormat[] };
  concurrency?: number; retries?: { attempts?: number; backoffMs?: number }; limits?: Partial<ReadLimits>;
  align?: { lowConfidence?: number };
}

// The translation stage owns its providers' settings; its schema is plugged in here so a typo in a
// provider's settings is reported at file:line like any other job-file mistake.
export const JOB_SCHEMA = { ...schema, properties: { ...schema.properties,
  translate: { ...schema.properties.translate,
    properties: { ...schema.properties.translate.properties, providers: {
    ...providersSchema,
    // Discriminating on `type` makes ajv report the mistake inside the chosen provider's settings.
    items: { ...providersSchema.items, discriminator: { propertyName: 'type' } } } } } } };
// ajv-i18n's module is CommonJS (module.exports = the function) but typed as an ES default export,
// which TypeScript then takes for a namespace: at run time the default import is the function.
const localizeRu = ajvRu as unknown as Localize;
// validateSchema: false, because checking our own schema against JSON Schema's meta-schema on every
// run was some 60 ms of each start; a test checks it once.
// Formats: a language code must name a language (codes.ts); verbose, so a message can quote the value.
const validate = new Ajv({ allErrors: true, strict: false, discriminator: true, validateSchema: false, verbose: true })
  .addFormat('language', isLanguageCode)
  .addFormat('language-pair', (pair: string) => pair.split('-').every(isLanguageCode))
  .compile<JobFile>(JOB_SCHEMA);

export function loadJob(file: string): Job {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(t('run:job.notFound', { file }));
  let bytes: Buffer;
  try { bytes = readFileSync(path); } catch (error) {
    throw new UsageError(t('run:job.unreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  let text: string;
  try { text = decodeText(bytes); } catch (error) {
    const { message, params } = error as DocumentError;
    throw new UsageError(params?.line ? t('run:job.parse', { file, line: params.line, col: 1, message })
      : t('run:job.unreadable', { file, reason: message }));
  }
  // Folders and files the job names outright that are not there are said with its other mistakes:
  // fixing a job file one rerun per mistake is slow.
  const data = parseJobText(text, file, (raw) => missingPaths(raw, dirname(path)));
  const name = data.name ?? basename(path).replace(/(\.job)?\.(ya?ml|json)$/i, '');
  return resolveJob(data, { name, base: dirname(path), file: path });
}

/** A mistake the schema cannot see, where the job file says it. */
interface PathProblem { at: Array<string | number>; message: string }

/**
 * The folders and files the job names outright (its root, glossaries that are no glob) that are not
 * there, said with the folder they were looked for in: "glossaries/x.yaml: not found" read as the
 * project's own glossaries folder when the job's root was elsewhere. Read off the parsed file as it
 * is, valid or not: a field of the wrong type is the schema's to report.
 */
function missingPaths(raw: unknown, base: string): PathProblem[] {
  const data = (raw ?? {}) as { root?: unknown; glossaries?: unknown };
  const shown = (path: string) => relative('.', path) || '.';
  const problem = (at: Array<string | number>, path: string) => ({ at, message: t('run:job.pathNotFound', { path: shown(path) }) });
  const root = resolve(base, typeof data.root === 'string' ? data.root : '.');
  if (typeof data.root === 'string' && !existsSync(root)) return [problem(['root'], root)];
  const glossaries = typeof data.glossaries === 'string' ? [data.glossaries] : Array.isArray(data.glossaries) ? data.glossaries : [];
  const out: PathProblem[] = [];
  glossaries.forEach((g, k) => {
    if (typeof g !== 'string' || isDynamicPattern(g) || existsSync(resolve(root, g))) return;
    out.push(problem(Array.isArray(data.glossaries) ? ['glossaries', k] : ['glossaries'], resolve(root, g)));
  });
  return out;
}

/**
 * Parses and validates job text; errors are UsageErrors located as file:line:col, every one at once.
 * `more`: mistakes of the parsed file that the schema cannot see (missing paths), said with its own.
 */
export function parseJobText(text: string, file: string, more: (data: unknown) => PathProblem[] = () => []): JobFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    const e = doc.errors[0];
    const { line, col } = at(e.pos[0]);
    throw new UsageError(t('run:job.parse', { file, line, col, message: e.message.split('\n')[0] }));
  }
  const data = doc.toJS() as unknown;
  const paths = more(data).map((p) => ({ offset: offsetOf(doc, p.at), path: p.at.join('.'), message: p.message }));
  if (validate(data)) {
    const twice = pairedTwice(data);
    if (twice) paths.push({ offset: offsetOf(doc, twice.at), path: twice.at.join('.'),
      message: t('run:job.pairedTwice', { doc: twice.doc, line: at(offsetOf(doc, twice.first)).line }) });
    if (!paths.length) return data;
  }
  // Every mistake at once, one line each in file order: fixing a job file one rerun per typo is slow.
  // ajv's own messages ("must be integer") in the UI language: ajv-i18n is ajv's project's translation.
  if (validate.errors && uiLanguage() === 'ru') localizeRu(validate.errors);
  const schema = validate.errors ? pickErrors(validate.errors).map((error) =>
    ({ offset: locate(doc, error), path: fieldName(error), message: describe(error, data) })) : [];
  const lines = [...schema, ...paths].sort((a, b) => a.offset - b.offset).slice(0, MAX_REPORTED)
    .map(({ offset, path, message }) => t('run:job.schema', { ...at(offset), file, path, message }));
  throw new UsageError(lines.join('\n'));
}

/** Mistakes reported for one job file: a file that is wrong throughout needs fixing first, not a list. */
const MAX_REPORTED = 10;

/**
 * The first document of `pairing.documents` that is in an earlier pair too (or is its own pair's
 * other side), with where both are. An original may be the source of several pairs when each
 * translation's name declares another language (x.ru.txt, x.uk.txt): the outputs keep such pairs
 * apart by language. Otherwise one pair's outputs would write over the other's (the same XLIFF file):
 * a document in two pairs had the first pair's segments overwritten by the second's, silently.
 */
function pairedTwice(data: JobFile): { doc: string; at: Array<string | number>; first: Array<string | number> } | undefined {
  const seen = new Map<string, Array<string | number>>();
  /** Each original's translation languages, by name; null when one translation's name declares none. */
  const into = new Map<string, Set<string> | null>();
  const languages = nameLanguages(data.languages ?? [], (data.pairs ?? ['en-ru']).map(parsePair));
  const documents = data.pairing?.documents ?? [];
  for (let k = 0; k < documents.length; k++) {
    const [src, tgt] = (['src', 'tgt'] as const).map((side) => posix.normalize(documents[k][side].replace(/\\/g, '/')));
    const lang = parseName(tgt, languages).lang;
    const langs = into.get(src);
    const again = seen.get(src);
    const another = again?.[3] === 'src' && lang !== undefined && langs !== undefined && langs !== null && !langs.has(lang);
    if (again && !another) return { doc: documents[k].src, at: ['pairing', 'documents', k, 'src'], first: again };
    seen.set(src, again ?? ['pairing', 'documents', k, 'src']);
    into.set(src, lang === undefined ? null : (langs ?? new Set()).add(lang));
    const first = seen.get(tgt);
    if (first) return { doc: documents[k].tgt, at: ['pairing', 'documents', k, 'tgt'], first };
    seen.set(tgt, ['pairing', 'documents', k, 'tgt']);
  }
  return undefined;
}

/**
 * The useful ones of ajv's errors, one per place in the file: not the summaries of alternatives
 * (anyOf, oneOf, a discriminator's), nor an alternative's "wrong kind of value" where another
 * alternative says what is wrong inside the value (a pair written {src, tgt} is not "must be string").
 */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !SUMMARIES.has(e.keyword));
  const pool = specific.length ? specific : errors;
  const place = (e: ErrorObject) => `${e.instancePath}/${e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : ''}`;
  const explained = (e: ErrorObject) => WRONG_KIND.has(e.keyword) && pool.some((other) => other.instancePath.startsWith(e.instancePath + '/'));
  const kept = pool.filter((e) => !explained(e));
  return kept.filter((e, k) => kept.findIndex((other) => place(other) === place(e)) === k);
}

const SUMMARIES = new Set(['anyOf', 'oneOf', 'discriminator', 'if']);
const WRONG_KIND = new Set(['type', 'const', 'enum']);

function pathOf(error: ErrorObject): Array<string | number> {
  return error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function fieldName(error: ErrorObject): string {
  const path = pathOf(error).join('.');
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : '';
  return [path, extra].filter(Boolean).join('.') || '(top level)';
}

/** Offset of the node the error is about (the unknown key itself for additionalProperties). */
function locate(doc: Document, error: ErrorObject): number {
  const path = pathOf(error);
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (error.keyword === 'additionalProperties' && isMap(node)) {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
    const range = (pair?.key as { range?: number[] })?.range;
    if (range) return range[0];
  }
  return startOf(node);
}

/** Offset of the node at `path` in the job file. */
const offsetOf = (doc: Document, path: Array<string | number>) => startOf(doc.getIn(path, true));
const startOf = (node: unknown) => (node as { range?: number[] } | null)?.range?.[0] ?? 0;

function describe(error: ErrorObject, data: unknown): string {
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const known = knownKeys(pathOf(error), data);
    const near = known.find((k) => editDistance(k, key) <= Math.max(1, Math.floor(k.length / 4)));
    return t(near ? 'run:job.unknownFieldNear' : 'run:job.unknownField', { near, known: known.join(', ') });
  }
  if (error.keyword === 'format') return t('run:job.unknownLanguage', { value: String(error.data) });
  if (error.keyword === 'enum') return `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return error.message ?? error.keyword;
}

interface SchemaNode { properties?: Record<string, unknown>; items?: unknown; oneOf?: SchemaNode[] }

/** The fields the schema allows at `path` of `data`; for a provider, those of its `type`. */
function knownKeys(path: Array<string | number>, data: unknown): string[] {
  let node = JOB_SCHEMA as SchemaNode, value = data as Record<string | number, unknown> | undefined;
  for (const p of path) {
    node = (typeof p === 'number' ? node.items : node.properties?.[p]) as SchemaNode;
    value = value?.[p] as typeof value;
    if (!node) return [];
  }
  const type = value?.type;
  const branch = node.oneOf?.find((b) => (b.properties?.type as { const?: unknown } | undefined)?.const === type);
  return Object.keys((branch ?? node).properties ?? {}).filter((k) => k !== '$schema');
}

/** Optimal string alignment distance: edits plus swaps of neighbours ('fromats' is one step from 'formats'). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i ? (j ? 0 : i) : j)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function parsePair(pair: string | LangPair): LangPair {
  if (typeof pair !== 'string') return pair;
  const m = /^([a-z]{2,3})-([a-z]{2,3})$/.exec(pair);
  if (!m) throw new UsageError(t('run:job.badPair', { pair }));
  return { src: m[1], tgt: m[2] };
}

/** Fills defaults and makes paths absolute; `base` is where a relative `root` starts from. */
export function resolveJob(data: JobFile, where: { name: string; base: string; file?: string }): Job {
  const root = resolve(where.base, data.root ?? '.');
  const pairs = (data.pairs ?? ['en-ru']).map(parsePair);
  const languages = data.languages ?? [...new Set(pairs.flatMap((p) => [p.src, p.tgt]))];
  // A job file's codes were checked with their line (schema formats); these may come from flags.
  const unknown = [...languages, ...pairs.flatMap((p) => [p.src, p.tgt])].find((code) => !isLanguageCode(code));
  if (unknown) throw new UsageError(t('run:job.unknownLanguage', { value: unknown }));
  // A pair of one language, or one whose language detection may never answer, aligns nothing: every
  // document in it would fail as "not among the job's languages" after the whole batch was read.
  const same = pairs.find((p) => p.src === p.tgt);
  if (same) throw new UsageError(t('run:job.samePair', { pair: `${same.src}-${same.tgt}` }));
  const missing = pairs.flatMap((p) => [p.src, p.tgt]).find((code) => !languages.includes(code));
  if (missing) throw new UsageError(t('run:job.pairOutsideLanguages', { lang: missing, languages: languages.join(', ') }));
  return {
    name: where.name,
    ...(where.file ? { file: where.file } : {}),
    root,
    input: list(data.input),
    exclude: list(data.exclude),
    languages,
    pairs,
    glossaries: list(data.glossaries),
    pairing: { by: data.pairing?.by ?? 'suffix', documents: data.pairing?.documents ?? [] },
    providers: data.translate?.providers ?? [],
    outDir: resolve(root, data.output?.dir ?? `output/${where.name}`),
    formats: data.output?.formats ?? [...OUTPUT_FORMATS],
    concurrency: data.concurrency ?? 2,
    retries: { attempts: data.retries?.attempts ?? 3, backoffMs: data.retries?.backoffMs ?? 200 },
    limits: { ...DEFAULT_LIMITS, ...data.limits },
    lowConfidence: data.align?.lowConfidence ?? 0.5,
  };
}
