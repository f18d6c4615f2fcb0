// `glossary lint`: the problems an editor must fix before a glossary is used in CI. Pure over parsed
// files; the command does the reading. Errors make lint fail, warnings do not.
import { t } from '../i18n/index.ts';
import type { GlossaryEntry, Term } from '../types.ts';
import { GlossaryError } from './errors.ts';
import { parseCsvRows } from './csv.ts';
import { entryLineList, parseGlossary, type LoadedGlossary } from './load.ts';
import { fold } from './translit.ts';
import { compilePatterns, shapeOf, type Pattern } from './variants.ts';
import { isPlural } from './plural.ts';

export interface LintProblem {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  code: string;
  message: string;
  /** The entry the problem is about (where it was found), when it is about one. */
  entry?: string;
  /**
   * What the message says, as data (ids, terms, languages; not where): lets a CI baseline recognise
   * the same problem whatever the UI language and however the file's lines moved.
   */
  params?: Record<string, string>;
}

/** An entry, where it is: its file, and which occurrence of its id in that file it is (0 for the first). */
interface Located { entry: GlossaryEntry; file: string; nth: number; lines: () => Lines }
/** Lines of each id's entries (in file order) and, where a term has a line of its own (a CSV row), of its terms. */
interface Lines { entries: Map<string, number[]>; terms?: Map<string, number[]> }

/** A glossary file to lint: its text, and what it parsed to when the caller has parsed it already. */
export interface LintInput { path: string; text: string; glossary?: LoadedGlossary }

export interface LintOptions {
  /**
   * The patterns of all the files' entries, in order, compiled with the default options (a matcher's
   * `patterns`), when the caller has them: compiling them is most of the lint's cost.
   */
  patterns?: Pattern[];
}

/** Lints glossary files given as {path, text} (and, optionally, their parsed glossary). */
export function lintGlossaries(files: LintInput[], options: LintOptions = {}): { problems: LintProblem[]; entries: number } {
  const problems: LintProblem[] = [];
  const located: Located[] = [];
  const languages = new Set<string>();
  for (const { path, text, glossary } of files) {
    try {
      const g = glossary ?? parseGlossary(text.replace(/^\uFEFF/, ''), path);
      // Line numbers only when a problem is reported: finding them is a parse of its own.
      let lines: Lines | undefined;
      const linesOf = () => (lines ??= entryLinesOf(path, text));
      g.meta?.languages?.forEach((l) => languages.add(l));
      // A glossary with no entries checks nothing: in CI that is a misconfiguration, not a pass.
      if (!g.entries.length) problems.push({ severity: 'warning', file: path, code: 'noEntries', message: t('glossary:lint.noEntries') });
      const seen = new Map<string, number>();
      for (const entry of g.entries) {
        const nth = seen.get(entry.id) ?? 0;
        seen.set(entry.id, nth + 1);
        located.push({ entry, file: path, nth, lines: linesOf });
      }
    } catch (error) {
      if (!(error instanceof GlossaryError)) throw error;
      for (const p of [{ line: error.line, reason: error.reason }, ...error.more]) {
        problems.push({ severity: 'error', file: error.file, line: p.line, code: 'schema', message: p.reason });
      }
    }
  }
  // A repeated id is found at its own place, not at the first entry of that id.
  const lineOf = (at: Located, term?: Term) => {
    const { entries, terms } = at.lines();
    const own = term && terms?.get(at.entry.id)?.[at.entry.terms.indexOf(term)];
    const all = entries.get(at.entry.id);
    return own || (all?.[at.nth] ?? all?.[0]);
  };
  // A problem of one term is reported at that term's line where it has one (a CSV row), else at its entry's.
  const report = (severity: LintProblem['severity'], at: Located, code: string, params: Record<string, unknown>, term?: Term) =>
    problems.push({ severity, file: at.file, line: lineOf(at, term), code, message: t(`glossary:lint.${code}`, params), entry: at.entry.id, params: subjectOf(params) });

  // Duplicate ids.
  const byId = new Map<string, Located>();
  for (const at of located) {
    const first = byId.get(at.entry.id);
    if (first) report('error', at, 'duplicateId', { id: at.entry.id, first: `${first.file}${lineOf(first) ? `:${lineOf(first)}` : ''}` });
    else byId.set(at.entry.id, at);
  }

  // One spelling claimed by two entries; a deprecated term that is another entry's preferred term.
  const owners = new Map<string, Located>();
  const shared = new Set<string>();
  const preferredBy = new Map<string, Located>();
  for (const at of located) {
    for (const term of at.entry.terms) {
      const key = `${term.lang}|${fold(term.text)}`;
      const owner = owners.get(key);
      if (owner && owner.entry.id !== at.entry.id) {
        report('error', at, 'sharedVariant', { text: term.text, lang: term.lang, a: owner.entry.id, b: at.entry.id }, term);
        shared.add([owner.entry.id, at.entry.id].sort().join('|'));
      } else owners.set(key, at);
      if (term.status === 'preferred') preferredBy.set(fold(term.text), at);
    }
  }
  for (const at of located) {
    for (const term of at.entry.terms.filter((x) => x.status === 'deprecated')) {
      const other = preferredBy.get(fold(term.text));
      if (other && other.entry.id !== at.entry.id) report('error', at, 'deprecatedIsPreferred', { text: term.text, a: at.entry.id, b: other.entry.id }, term);
    }
  }

  // Language tags: tandem compares primary subtags as written, so a term in 'rus' or 'english' is never
  // the Russian or English term, and would be skipped silently by normalisation and check.
  const tagProblems = new Map<string, ReturnType<typeof languageProblem>>();
  for (const at of located) {
    for (const lang of new Set(at.entry.terms.map((x) => x.lang))) {
      if (!tagProblems.has(lang)) tagProblems.set(lang, languageProblem(lang));
      const problem = tagProblems.get(lang);
      if (problem) report('error', at, problem.code, { id: at.entry.id, lang, canonical: problem.canonical }, at.entry.terms.find((x) => x.lang === lang));
    }
  }

  // Languages: every entry should cover the glossary's languages and have a preferred term in each.
  for (const at of located) {
    const langs = new Set(at.entry.terms.map((x) => x.lang));
    for (const lang of languages) if (!langs.has(lang)) report('warning', at, 'missingLanguage', { id: at.entry.id, lang });
    for (const lang of langs) {
      const inLang = at.entry.terms.filter((x) => x.lang === lang);
      if (!inLang.some((x) => x.status === 'preferred')) report('warning', at, 'noPreferred', { id: at.entry.id, lang });
      const seen = new Map<string, string>();
      for (const term of inLang.filter((x) => x.status === 'preferred')) {
        const shape = shapeOf(term, at.entry);
        if (seen.has(shape) && fold(seen.get(shape)!) !== fold(term.text)) {
          report('warning', at, 'twoPreferred', { id: at.entry.id, lang, shape, a: seen.get(shape), b: term.text });
        }
        seen.set(shape, term.text);
      }
    }
  }

  // Conflation: a word key (a spelling, romanisation or case form) that single-word patterns of two
  // entries share, so the matcher cannot tell them apart (Тихановская vs Тихановский under a stemmer).
  const keyOwner = new Map<string, { id: string; word: string; listed: boolean }>();
  // Entries that share a listed spelling share its derived forms too: already reported as an error.
  const reported = new Set<string>(shared);
  const where = new Map(located.map((at) => [at.entry.id, at]));
  for (const p of options.patterns ?? compilePatterns({ entries: located.map((x) => x.entry), sources: [] })) {
    if (p.positions.length !== 1) continue;
    for (const [key, spelling] of p.positions[0]) {
      // A surname's plural names the family: sharing it (Тихановские) is meant, and the matcher reports both.
      if (isPlural(spelling)) continue;
      const owner = keyOwner.get(key);
      const listed = !spelling.derived && spelling.formIndex === 0;
      if (!owner) { keyOwner.set(key, { id: p.entry.id, word: spelling.forms[spelling.formIndex], listed }); continue; }
      const pair = [owner.id, p.entry.id].sort().join('|');
      if (owner.id === p.entry.id || reported.has(pair) || (listed && owner.listed)) continue;
      reported.add(pair);
      report('warning', where.get(p.entry.id)!, 'conflated', { a: owner.word, entryA: owner.id, b: spelling.forms[spelling.formIndex], entryB: p.entry.id, key });
    }
  }
  return { problems, entries: located.length };
}

/** The params that say what a problem is about: defined values as text, without `first` (a file:line, which moves). */
function subjectOf(params: Record<string, unknown>): Record<string, string> {
  const subject: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (key !== 'first' && value !== undefined) subject[key] = String(value);
  return subject;
}

// Language names from the ICU data Node ships: a tag whose language has no name is not a language.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** What is wrong with a term's language tag: not a BCP 47 tag, an unknown language, or not written as tandem compares it. */
export function languageProblem(tag: string): { code: 'badLanguage' | 'unknownLanguage' | 'nonCanonicalLanguage'; canonical?: string } | undefined {
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return { code: 'badLanguage' };
  }
  const language = new Intl.Locale(canonical).language;
  if (!languageNames.of(language) || language === 'und') return { code: 'unknownLanguage' };
  // 'rus' and 'iw' are Russian and Hebrew, but matched against 'ru' and 'he' they differ.
  if (language !== tag.split('-')[0].toLowerCase()) return { code: 'nonCanonicalLanguage', canonical: language };
  return undefined;
}

/** Lines where the entries of each id start (in file order), for any glossary format; a CSV's term rows too. */
function entryLinesOf(path: string, text: string): Lines {
  const out = new Map<string, number[]>();
  const add = (id: string, line: number, to = out) => { const all = to.get(id); if (all) all.push(line); else to.set(id, [line]); };
  if (/\.(ya?ml|json)$/i.test(path)) { for (const [id, line] of entryLineList(text)) add(id, line); return { entries: out }; }
  // Matches come in order: count newlines from the previous one, not from the start each time.
  let line = 1, counted = 0;
  const lineAt = (offset: number) => { for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++; return line; };
  if (/\.(csv|tsv)$/i.test(path)) {
    const [head, ...rows] = parseCsvRows(text, /\.tsv$/i.test(path) ? '\t' : ',');
    const col = head?.cells.map((c) => c.trim().toLowerCase()).indexOf('id') ?? -1;
    // Rows of one id form one entry: its line is its first row's, and each row is a term's line.
    const terms = new Map<string, number[]>();
    for (const row of rows) {
      const id = col >= 0 ? row.cells[col]?.trim() : undefined;
      if (id === undefined) continue;
      if (!out.has(id)) add(id, row.line);
      add(id, row.line, terms);
    }
    return { entries: out, terms };
  }
  for (const m of text.matchAll(/<conceptEntry\b[^>]*?\bid\s*=\s*["']([^"']*)["']/g)) add(m[1], lineAt(m.index!));
  return { entries: out };
}

export function formatProblem(p: LintProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}
