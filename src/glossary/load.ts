// Loading glossaries: YAML and JSON (validated against glossaries/glossary.schema.json), TBX and CSV,
// chosen by file extension. Every problem is reported as "file:line: message".
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Ajv } from 'ajv';
import YAML, { LineCounter, isNode } from 'yaml';
import { t } from '../i18n/index.ts';
import type { Glossary, GlossaryEntry, Term } from '../types.ts';
import { parseCsvGlossary } from './csv.ts';
import { GlossaryError } from './errors.ts';
import { guessPerson } from './people.ts';
import { parseTbx } from './tbx.ts';

export { GlossaryError };

/** Optional facts a YAML glossary carries beyond its entries. */
export interface GlossaryMeta { name?: string; languages?: string[]; houseStyle?: string }
export interface LoadedGlossary extends Glossary { meta?: GlossaryMeta }

const SCHEMA_URL = new URL('../../glossaries/glossary.schema.json', import.meta.url);
let validator: ReturnType<Ajv['compile']> | undefined;
const validate = () => (validator ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8'))));

/** Loads and merges glossary files. Throws GlossaryError (file:line) on the first bad file. */
export async function loadGlossaries(paths: string[]): Promise<LoadedGlossary> {
  const entries: GlossaryEntry[] = [];
  const languages = new Set<string>();
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new GlossaryError(path, undefined, (error as NodeJS.ErrnoException).code === 'ENOENT' ? t('glossary:errors.noFile') : (error as Error).message);
    }
    const one = parseGlossary(text.replace(/^\uFEFF/, ''), path);
    entries.push(...one.entries);
    one.meta?.languages?.forEach((l) => languages.add(l));
  }
  return { entries, sources: paths, meta: languages.size ? { languages: [...languages] } : undefined };
}

/** Parses one glossary file's text; the format follows the extension (.yaml/.yml/.json/.tbx/.xml/.csv). */
export function parseGlossary(text: string, file: string): LoadedGlossary {
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
    const err = check.errors![0];
    const path = err.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    let node: unknown = doc.getIn(path, true);
    while (!isNode(node) && path.length) { path.pop(); node = doc.getIn(path, true); }
    const range = isNode(node) ? node.range : undefined;
    const at = err.instancePath ? `${err.instancePath}: ` : '';
    const extra = err.params && 'additionalProperty' in err.params ? ` '${err.params.additionalProperty}'`
      : err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as string[]).join(', ')})` : '';
    throw new GlossaryError(file, range ? lines.linePos(range[0]).line : undefined, `${at}${err.message}${extra}`);
  }
  return fromData(data, file);
}

type RawGlossary = { entries?: Array<GlossaryEntry & { gender?: Term['gender']; indeclinable?: boolean }> } & GlossaryMeta;

/** Entry-level gender and indeclinable are defaults for the entry's Cyrillic terms. */
function fromData(data: RawGlossary, file: string): LoadedGlossary {
  const entries = (data.entries ?? []).map((e) => {
    const { gender, indeclinable, ...rest } = e;
    const entry: GlossaryEntry = {
      ...rest,
      terms: e.terms.map((t) => ({ ...t, gender: t.gender ?? (hasCyr(t.text) ? gender : undefined), indeclinable: t.indeclinable ?? (hasCyr(t.text) ? indeclinable : undefined) }))
        .map(dropUndefined),
    };
    if (!entry.type && guessPerson(entry)) entry.type = 'person';
    return entry;
  });
  return { entries, sources: [file], meta: { name: data.name, languages: data.languages, houseStyle: data.houseStyle } };
}

/** Where each entry id starts (line), for lint messages about YAML/JSON files. */
export function entryLines(text: string): Map<string, number> {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: lines });
  const out = new Map<string, number>();
  const list = doc.get('entries', true);
  if (YAML.isSeq(list)) {
    for (const item of list.items) {
      if (YAML.isMap(item) && item.range) out.set(String(item.get('id')), lines.linePos(item.range[0]).line);
    }
  }
  return out;
}

const hasCyr = (s: string) => /[\u0400-\u04FF]/.test(s);
function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
