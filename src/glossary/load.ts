// Loading glossaries: YAML and JSON (validated against glossaries/glossary.schema.json), TBX and CSV,
// chosen by file extension. Every problem is reported as "file:line: message".
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { extname } from 'node:path';
import { Ajv } from 'ajv';
import YAML, { LineCounter, isNode } from 'yaml';
import { t } from '../i18n/index.ts';
import type { Glossary, GlossaryEntry, Term } from '../types.ts';
import { parseCsvGlossary } from './csv.ts';
import { GlossaryError } from './errors.ts';
import { guessPerson } from './people.ts';
import { parseTbx } from './tbx.ts';
import { hasCyrillic } from './translit.ts';
// decode.ts itself rather than the documents index, which also loads the HTML and Markdown readers.
import { decodeText } from '../documents/decode.ts';
import type { DocumentError } from '../documents/errors.ts';

export { GlossaryError };

/** Optional facts a YAML glossary carries beyond its entries. */
export interface GlossaryMeta { name?: string; languages?: string[]; houseStyle?: string }
export interface LoadedGlossary extends Glossary { meta?: GlossaryMeta }

const SCHEMA_URL = new URL('../../glossaries/glossary.schema.json', import.meta.url);
let validator: ReturnType<Ajv['compile']> | undefined;
// The schema is ours and checked against the JSON Schema meta-schema by the tests: compiling that
// meta-schema here to check it again took some 70 ms of every start-up.
const validate = () => (validator ??= new Ajv({ allErrors: true, strict: false, validateSchema: false })
  .compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8'))));

/** One glossary file as read: its path, its text (for line numbers) and what it parsed to. */
export interface GlossaryFile { path: string; text: string; glossary: LoadedGlossary }

/**
 * Reads and parses glossary files one by one. A path that is no file but a glob ('glossaries/*.yaml',
 * as a job file may say) stands for the files it matches, in name order, in every command. Throws
 * GlossaryError (file:line) on the first bad file, or for a glob that matches none.
 */
export async function loadGlossaryFiles(paths: string[]): Promise<GlossaryFile[]> {
  const files: GlossaryFile[] = [];
  for (const path of await expandGlobs(paths)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new GlossaryError(path, undefined, (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('glossary:errors.noFile') : (error as Error).message);
    }
    // Decoded as documents are: a glossary in Windows-1251 must be refused with its line, not read
    // as replacement characters that match nothing; UTF-16 with a BOM (Excel's "Unicode text") is read.
    let text: string;
    try {
      text = decodeText(bytes);
    } catch (error) {
      const e = error as DocumentError;
      throw new GlossaryError(path, e.params?.line as number | undefined, e.message);
    }
    files.push({ path, text, glossary: parseGlossary(text, path) });
  }
  return files;
}

/** Each path, or the files a glob matches when no file has that very name ("press [2020].yaml" has one). */
async function expandGlobs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if (!isDynamicPattern(path) || existsSync(path)) { out.push(path); continue; }
    const matched = (await glob(path, { onlyFiles: true, expandDirectories: false })).sort();
    if (!matched.length) throw new GlossaryError(path, undefined, t('glossary:errors.noMatch'));
    out.push(...matched);
  }
  return out;
}

/** Glossary files merged into one glossary (entries in file order). */
export function mergeGlossaryFiles(files: GlossaryFile[]): LoadedGlossary {
  const entries: GlossaryEntry[] = [];
  const languages = new Set<string>();
  for (const { glossary } of files) {
    entries.push(...glossary.entries);
    glossary.meta?.languages?.forEach((l) => languages.add(l));
  }
  return { entries, sources: files.map((f) => f.path), meta: languages.size ? { languages: [...languages] } : undefined };
}

/** Loads and merges glossary files. Throws GlossaryError (file:line) on the first bad file. */
export async function loadGlossaries(paths: string[]): Promise<LoadedGlossary> {
  return mergeGlossaryFiles(await loadGlossaryFiles(paths));
}

/**
 * Parses one glossary file's text; the format follows the extension (.yaml/.yml/.json/.tbx/.xml/.csv).
 * An entry whose type no format said is taken for a person when its terms look like a personal name.
 */
export function parseGlossary(text: string, file: string): LoadedGlossary {
  const glossary = parseByFormat(text, file);
  for (const entry of glossary.entries) if (!entry.type && guessPerson(entry)) entry.type = 'person';
  return glossary;
}

function parseByFormat(text: string, file: string): LoadedGlossary {
  const ext = extname(file).toLowerCase();
  if (ext === '.tbx' || ext === '.xml') return { entries: parseTbx(text, file), sources: [file] };
  if (ext === '.csv' || ext === '.tsv') return { entries: parseCsvGlossary(text, file, ext === '.tsv' ? '\t' : ','), sources: [file] };
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    throw new GlossaryError(file, undefined, t('glossary:errors.unknownFormat', { ext: ext || '(none)' }));
  }
  return parseStructured(text, file);
}

function parseStructured(text: string, file: string): LoadedGlossary {
  // JSON.parse is ~100 times faster than the YAML parser; the YAML parser is only needed for line numbers.
  if (/\.json$/i.test(file)) {
    try {
      const data = JSON.parse(text) as RawGlossary;
      if (validate()(data)) return fromData(data, file);
    } catch { /* reported with its line below */ }
  }
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new GlossaryError(file, lines.linePos(e.pos[0]).line, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  }
  const data = doc.toJS() as RawGlossary;
  const check = validate();
  if (!check(data)) {
    const [first, ...more] = check.errors!.map((err) => {
      const path = err.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      let node: unknown = doc.getIn(path, true);
      while (!isNode(node) && path.length) { path.pop(); node = doc.getIn(path, true); }
      const range = isNode(node) ? node.range : undefined;
      const at = err.instancePath ? `${err.instancePath}: ` : '';
      const extra = err.params && 'additionalProperty' in err.params ? ` '${err.params.additionalProperty}'`
        : err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as string[]).join(', ')})` : '';
      return { line: range ? lines.linePos(range[0]).line : undefined, reason: `${at}${err.message}${extra}` };
    }).filter((p, k, all) => all.findIndex((q) => q.line === p.line && q.reason === p.reason) === k);
    throw new GlossaryError(file, first.line, first.reason, more);
  }
  return fromData(data, file);
}

type RawGlossary = { entries?: Array<GlossaryEntry & { gender?: Term['gender']; indeclinable?: boolean }> } & GlossaryMeta;

/** Entry-level gender and indeclinable are defaults for the entry's Cyrillic terms. */
function fromData(data: RawGlossary, file: string): LoadedGlossary {
  const entries = (data.entries ?? []).map((e) => {
    const { gender, indeclinable, ...rest } = e;
    return {
      ...rest,
      terms: e.terms.map((t) => ({ ...t, gender: t.gender ?? (hasCyrillic(t.text) ? gender : undefined), indeclinable: t.indeclinable ?? (hasCyrillic(t.text) ? indeclinable : undefined) }))
        .map(dropUndefined),
    };
  });
  return { entries, sources: [file], meta: { name: data.name, languages: data.languages, houseStyle: data.houseStyle } };
}

/** Where each entry id starts (line), for lint messages about YAML/JSON files (a repeated id: its last). */
export function entryLines(text: string): Map<string, number> {
  return new Map(entryLineList(text));
}

/** Each entry's id and the line it starts on, in file order: a repeated id is listed at every place. */
export function entryLineList(text: string): Array<[string, number]> {
  // A JSON glossary is scanned as JSON: the YAML parser would take ~100 times as long for the same lines.
  const fromJson = /^\uFEFF?\s*\{/.test(text) ? jsonEntryLines(text) : undefined;
  if (fromJson) return fromJson;
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines });
  const out: Array<[string, number]> = [];
  const list = doc.get('entries', true);
  if (YAML.isSeq(list)) {
    for (const item of list.items) {
      if (YAML.isMap(item) && item.range) out.push([String(item.get('id')), lines.linePos(item.range[0]).line]);
    }
  }
  return out;
}

/**
 * Line of each entry object in a JSON glossary's top-level "entries" array, by its "id": one pass over
 * the characters, tracking strings and nesting. Undefined when the text is not such plain JSON (or an
 * id is not a string), so the caller falls back to the YAML parser.
 */
function jsonEntryLines(text: string): Array<[string, number]> | undefined {
  const out: Array<[string, number]> = [];
  const stack: string[] = []; // '{' or '[' per open container
  let line = 1, key: string | undefined, entriesDepth = -1, entryLine = 0, afterColon = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) { // a string: a key, or a value after a colon
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) { if (text.charCodeAt(j) === 92) j++; j++; }
      if (j >= text.length) return undefined;
      const raw = text.slice(i + 1, j);
      const value = raw.includes('\\') ? (JSON.parse(text.slice(i, j + 1)) as string) : raw;
      if (raw.includes('\n')) return undefined;
      if (afterColon) {
        if (key === 'id' && entriesDepth >= 0 && stack.length === entriesDepth + 2) out.push([value, entryLine]);
        afterColon = false;
      } else key = value;
      i = j;
    } else if (c === 58) afterColon = true; // ':'
    else if (c === 123 || c === 91) { // '{' '['
      if (c === 91 && stack.length === 1 && afterColon && key === 'entries') entriesDepth = 1;
      if (c === 123 && entriesDepth >= 0 && stack.length === entriesDepth + 1) entryLine = line;
      stack.push(c === 123 ? '{' : '[');
      afterColon = false;
    } else if (c === 125 || c === 93) { // '}' ']'
      stack.pop();
      if (entriesDepth >= 0 && stack.length === entriesDepth) entriesDepth = -2; // the entries array is closed
    } else if (c === 44) afterColon = false; // ','
    else if (afterColon && c > 32 && key === 'id' && entriesDepth >= 0 && stack.length === entriesDepth + 2) return undefined; // a non-string id
  }
  return stack.length === 0 ? out : undefined;
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
