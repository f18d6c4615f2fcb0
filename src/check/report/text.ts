// The report for people: violations grouped by file, in reading order, with the segment's texts
// shortened, and a closing summary line. Colour only when asked (the CLI asks on a TTY).
import { t } from '../../i18n/index.ts';
import type { CheckResult, Violation } from '../types.ts';
import { segmentLabel } from './label.ts';

export interface TextOptions { color: boolean }

const CODES = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], green: [32, 39], cyan: [36, 39] } as const;
type Style = keyof typeof CODES;

function painter(color: boolean) {
  return (style: Style, text: string) => (color ? `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m` : text);
}

/** One line, at most `max` characters, for quoting a segment. */
export function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function toText(result: CheckResult, options: TextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  const byFile = new Map<string, Violation[]>();
  for (const v of result.violations) {
    const key = v.file ?? '';
    const list = byFile.get(key);
    if (list) list.push(v); else byFile.set(key, [v]);
  }
  for (const [file, violations] of byFile) {
    if (file) out.push(paint('bold', file));
    for (const v of violations) {
      const where = [v.line, segmentLabel(v)].filter((x) => x !== undefined && x !== null).join(':');
      const severity = v.severity === 'error' ? paint('red', t('check:severity.error')) : paint('yellow', t('check:severity.warning'));
      const entry = v.entry ? paint('dim', ` [${v.entry}]`) : '';
      out.push(`  ${paint('dim', where.padEnd(12))} ${severity}  ${v.message}  ${paint('dim', v.rule)}${entry}`);
      if (v.src !== null) out.push(`      ${paint('dim', `${t('check:side.src')}:`)} ${shorten(v.src)}`);
      if (v.tgt !== null) out.push(`      ${paint('dim', `${t('check:side.tgt')}:`)} ${shorten(v.tgt)}`);
    }
    out.push('');
  }
  out.push(summaryLine(result, paint));
  return out.join('\n') + '\n';
}

function summaryLine(result: CheckResult, paint: ReturnType<typeof painter>): string {
  const s = result.summary;
  // Counted phrases for languages that inflect them (English), bare numbers for a "label: n" style (Russian).
  const params = {
    segments: t('check:summary.segments', { count: s.segments }), files: t('check:summary.files', { count: s.files }),
    entries: t('check:summary.entries', { count: s.entries }), glossaries: t('check:summary.glossaries', { count: s.glossaries }),
    nSegments: s.segments, nFiles: s.files, nEntries: s.entries, nGlossaries: s.glossaries,
  };
  const scope = t(s.files ? 'check:summary.scope' : 'check:summary.scopeGlossaries', params);
  if (!s.violations) return `${paint('green', '✔')} ${t('check:summary.clean')} ${scope}`;
  const counts = t('check:summary.problems', {
    problems: t('check:summary.problemCount', { count: s.violations }),
    errors: t('check:summary.errorCount', { count: s.errors }),
    warnings: t('check:summary.warningCount', { count: s.warnings }),
  });
  const mark = s.failed ? paint('red', '✖') : paint('yellow', '!');
  return `${mark} ${counts} ${scope}`;
}
