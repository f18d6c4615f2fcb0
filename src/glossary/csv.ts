// CSV import: one term per row, rows sharing an id form an entry. Header names the columns:
// id, lang, text, status (required); shape, gender, indeclinable, type, note (optional).
import { t } from '../i18n/index.ts';
import type { GlossaryEntry, Term, TermStatus } from '../types.ts';
import { GlossaryError } from './errors.ts';

const REQUIRED = ['id', 'lang', 'text', 'status'];
const STATUSES: TermStatus[] = ['preferred', 'admitted', 'deprecated'];

/** RFC 4180 rows with the line each starts on (quoted fields may span lines). */
export function parseCsvRows(text: string, sep = ','): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [], cell = '', quoted = false, line = 1, rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      if (c === '\n') line++;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) { cells.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim())) rows.push({ line: rowLine, cells });
      cells = []; cell = ''; line++; rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim())) rows.push({ line: rowLine, cells });
  return rows;
}

export function parseCsvGlossary(text: string, file: string, sep = ','): GlossaryEntry[] {
  const [head, ...rows] = parseCsvRows(text, sep);
  if (!head) throw new GlossaryError(file, 1, t('glossary:errors.emptyCsv'));
  const cols = head.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length) throw new GlossaryError(file, head.line, t('glossary:errors.missingColumns', { columns: missing.join(', ') }));
  const byId = new Map<string, GlossaryEntry>();
  for (const { line, cells } of rows) {
    const get = (name: string) => { const i = cols.indexOf(name); return i < 0 ? '' : (cells[i] ?? '').trim(); };
    const [id, lang, termText, status] = REQUIRED.map(get);
    if (!id || !lang || !termText) throw new GlossaryError(file, line, t('glossary:errors.emptyFields'));
    if (!STATUSES.includes(status as TermStatus)) throw new GlossaryError(file, line, t('glossary:errors.badStatus', { allowed: STATUSES.join(', '), status }));
    const gender = get('gender');
    if (gender && !['f', 'm', 'n'].includes(gender)) throw new GlossaryError(file, line, t('glossary:errors.badGender', { gender }));
    const term: Term = { text: termText, lang, status: status as TermStatus };
    if (get('shape')) term.shape = get('shape');
    if (gender) term.gender = gender as Term['gender'];
    if (/^(true|yes|1)$/i.test(get('indeclinable'))) term.indeclinable = true;
    const entry = byId.get(id) ?? { id, terms: [] };
    if (!byId.has(id)) {
      byId.set(id, entry);
      if (get('type')) entry.type = get('type');
      if (get('note')) entry.note = get('note');
    }
    entry.terms.push(term);
  }
  return [...byId.values()];
}
