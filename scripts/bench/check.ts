// npm run bench:check: `tandem check` on 100,000 generated en→ru segments against a generated
// 5,000-entry glossary (people, places, organisations; inflected Russian forms in the targets), with
// planted violations of every rule. Goal: the whole run in at most 10 s. Prints where the time goes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { checkSegments, glossaryLintViolations, readSegmentFiles, runCheck, summarize, toJsonReport } from '../../src/check/index.ts';
import { segmentsToJsonl } from '../../src/export/index.ts';
import { createMatcher, loadGlossaryFiles, mergeGlossaryFiles, russianForms } from '../../src/glossary/index.ts';
import type { GlossaryEntry, Segment } from '../../src/types.ts';

const ENTRIES = Number(process.env.ENTRIES ?? 5000);
const SEGMENTS = Number(process.env.SEGMENTS ?? 100_000);
const GOAL_S = 10;

// Deterministic, so every run measures the same work.
let state = 7;
const rand = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const PARTS = [['ko', 'ко'], ['va', 'ва'], ['le', 'ле'], ['mi', 'ми'], ['no', 'но'], ['ra', 'ра'], ['ste', 'сте'], ['lo', 'ло'],
  ['ba', 'ба'], ['du', 'ду'], ['gor', 'гор'], ['mar', 'мар'], ['len', 'лен'], ['zan', 'зан'], ['tu', 'ту'], ['pe', 'пе']] as const;
// Given names as in a real glossary of people: many, each shared by a few entries.
const GIVEN = {
  f: ['Svetlana:Светлана', 'Maria:Мария', 'Olga:Ольга', 'Anna:Анна', 'Elena:Елена', 'Irina:Ирина', 'Natalia:Наталья', 'Tatiana:Татьяна',
    'Yulia:Юлия', 'Daria:Дарья', 'Vera:Вера', 'Nina:Нина', 'Galina:Галина', 'Lyudmila:Людмила', 'Oksana:Оксана', 'Polina:Полина',
    'Alina:Алина', 'Kristina:Кристина', 'Marina:Марина', 'Larisa:Лариса', 'Valentina:Валентина', 'Zoya:Зоя', 'Inna:Инна', 'Alla:Алла'],
  m: ['Sergei:Сергей', 'Roman:Роман', 'Pavel:Павел', 'Viktor:Виктор', 'Igor:Игорь', 'Andrei:Андрей', 'Nikolai:Николай', 'Oleg:Олег',
    'Dmitry:Дмитрий', 'Maxim:Максим', 'Artem:Артём', 'Ivan:Иван', 'Yuri:Юрий', 'Boris:Борис', 'Leonid:Леонид', 'Stepan:Степан',
    'Denis:Денис', 'Anton:Антон', 'Kirill:Кирилл', 'Gleb:Глеб', 'Vadim:Вадим', 'Egor:Егор', 'Timur:Тимур', 'Fyodor:Фёдор'],
} as const;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

interface Named { entry: GlossaryEntry; en: string; enDeprecated?: string; ru: string; ruAdmitted?: string }

function makeGlossary(): Named[] {
  const named: Named[] = [];
  const used = new Set<string>();
  for (let i = 0; named.length < ENTRIES; i++) {
    const parts = [pick(PARTS), pick(PARTS), pick(PARTS)];
    const key = parts.map((p) => p[0]).join('') + (i % 3);
    if (used.has(key)) continue;
    used.add(key);
    const en = cap(parts.map((p) => p[0]).join(''));
    const ru = cap(parts.map((p) => p[1]).join(''));
    if (i % 3 === 0) {
      const g = rand() < 0.5 ? 'f' : 'm';
      const [givenEn, givenRu] = pick(GIVEN[g]).split(':');
      const surEn = `${en}${g === 'f' ? 'skaya' : 'sky'}`, surRu = `${ru}${g === 'f' ? 'ская' : 'ский'}`;
      named.push({ en: `${givenEn} ${surEn}`, enDeprecated: `${givenEn} ${en}${g === 'f' ? 'skaia' : 'skii'}`, ru: `${givenRu} ${surRu}`, entry: { id: `person-${i}`, type: 'person', terms: [
        { text: `${givenEn} ${surEn}`, lang: 'en', status: 'preferred', shape: 'fullName' },
        { text: `${givenEn} ${en}${g === 'f' ? 'skaia' : 'skii'}`, lang: 'en', status: 'deprecated', shape: 'fullName' },
        { text: `${givenRu} ${surRu}`, lang: 'ru', status: 'preferred', shape: 'fullName', gender: g },
      ] } });
    } else if (i % 3 === 1) {
      named.push({ en: `${en}sk`, ru: `${ru}ск`, entry: { id: `place-${i}`, type: 'place', terms: [
        { text: `${en}sk`, lang: 'en', status: 'preferred' },
        { text: `${ru}ск`, lang: 'ru', status: 'preferred', gender: 'm' },
      ] } });
    } else {
      named.push({ en: `${en} Works`, enDeprecated: `${en} Plant`, ru: `${ru}ский завод`, ruAdmitted: `${ru}ский комбинат`, entry: { id: `org-${i}`, type: 'organisation', terms: [
        { text: `${en} Works`, lang: 'en', status: 'preferred' },
        { text: `${en} Plant`, lang: 'en', status: 'deprecated' },
        { text: `${ru}ский завод`, lang: 'ru', status: 'preferred' },
        { text: `${ru}ский комбинат`, lang: 'ru', status: 'admitted' },
      ] } });
    }
  }
  return named;
}

/** A Russian term in the genitive, word by word, from the glossary stage's paradigms. */
function genitive(term: string): string {
  return term.split(' ').map((w) => {
    const forms = russianForms(w, { surname: true });
    const g = forms[1] ?? forms[0];
    return w[0] === w[0].toUpperCase() ? cap(g) : g;
  }).join(' ');
}

// [English, Russian] with {A}/{B}: mentions; {A.gen}: genitive.
const TEMPLATES = [
  ['Reporters asked {A} about the strike on Friday.', 'В пятницу журналисты спросили {A.gen} о забастовке.'],
  ['{A} said the workers would not go back until the vote was held again.', '{A} заявил, что рабочие не вернутся, пока выборы не пройдут заново.'],
  ['Hundreds of people gathered near {A} and then marched towards {B}.', 'Сотни людей собрались у {A.gen}, а затем двинулись к {B}.'],
  ['The meeting with {A} lasted for more than two hours.', 'Встреча с участием {A.gen} продолжалась более двух часов.'],
  ['Nobody expected the protest to last that long.', 'Никто не ожидал, что протест продлится так долго.'],
] as const;
const BELARUSIAN = 'Рабочыя пакінулі завод і пайшлі па цэнтры горада з лозунгамі.';

function makeSegments(named: Named[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const [enT, ruT] = pick(TEMPLATES);
    const a = pick(named), b = pick(named);
    const roll = rand();
    const enA = roll < 0.02 && a.enDeprecated ? a.enDeprecated : a.en; // deprecated-term
    const ruA = roll >= 0.06 && roll < 0.09 && a.ruAdmitted ? a.ruAdmitted : a.ru; // inconsistent-term (a minority rendering)
    let ru = ruT.replace('{A.gen}', genitive(ruA)).replace('{A}', ruA).replace('{B}', b.ru);
    if (roll >= 0.02 && roll < 0.05) ru = ru.replace(genitive(a.ru), 'него').replace(a.ru, 'он'); // missing-target-term
    if (roll >= 0.05 && roll < 0.06) ru = BELARUSIAN; // wrong-language
    const en = enT.replace('{A}', enA).replace('{B}', b.en);
    segments.push({ doc: 'bench', id: String(i + 1), src: { lang: 'en', text: en }, tgt: { lang: 'ru', text: ru }, terms: [], score: 1 });
  }
  return segments;
}

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => { const t0 = performance.now(); const r = await f(); return [r, (performance.now() - t0) / 1000]; };

/**
 * `tandem check` as a user runs it: a fresh node process through bin/tandem.js (tsx, module loading,
 * language models, everything), JSON report to a file. The shell's `times` gives the child's CPU
 * seconds beside the wall clock: on a shared machine the wall clock also counts waiting.
 */
function coldRun(glossaryFile: string, segmentsFile: string, report: string): { wall: number; cpu: number; code: number } {
  const cli = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const argv = [process.execPath, cli, 'check', '--quiet', '--format', 'json', '--output', report, '--glossary', glossaryFile, segmentsFile];
  const t0 = performance.now();
  const run = spawnSync('sh', ['-c', `${argv.map(quote).join(' ')}; code=$?; times; exit $code`], {
    encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  // `times`: the shell's own user/system times, then its children's.
  const children = run.stdout.trim().split('\n').at(-1) ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((n, m) => n + Number(m[1]) * 60 + Number(m[2]), 0);
  if (run.status !== 0 && run.status !== 1) throw new Error(`tandem check failed (${run.status}): ${run.stderr}`);
  return { wall, cpu: secs, code: run.status };
}

const named = makeGlossary();
const segments = makeSegments(named);
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-check-'));
// A generated glossary of this size is machine data: JSON (GLOSSARY_FORMAT=yaml measures YAML).
const glossaryFile = join(dir, process.env.GLOSSARY_FORMAT === 'yaml' ? 'glossary.yaml' : 'glossary.json');
const segmentsFile = join(dir, 'segments.jsonl');
const reportFile = join(dir, 'report.json');
const glossaryData = { name: 'bench', entries: named.map((n) => n.entry) };
writeFileSync(glossaryFile, glossaryFile.endsWith('.yaml') ? YAML.stringify(glossaryData) : JSON.stringify(glossaryData, null, 1));
writeFileSync(segmentsFile, segmentsToJsonl(segments));
try {
  const chars = segments.reduce((n, s) => n + s.src.text.length + (s.tgt?.text.length ?? 0), 0);
  console.log(`bench:check: ${ENTRIES} glossary entries, ${SEGMENTS} segments (${(chars / 1e6).toFixed(1)} M characters), en→ru`);
  // The measured figure first: the whole CLI in a cold process, as CI runs it. RUNS=n repeats it.
  const runs = Array.from({ length: Math.max(1, Number(process.env.RUNS ?? 1)) }, () => coldRun(glossaryFile, segmentsFile, reportFile));
  const outcome = JSON.parse(readFileSync(reportFile, 'utf8')) as { summary: { byRule: Record<string, number> } };
  // Then where the time goes, part by part, in this process (the first part also pays for loading).
  const [, inProcess] = await time(() => runCheck({ glossaries: [glossaryFile], files: [segmentsFile], format: 'json', failOn: 'error' }));
  const [, again] = await time(() => runCheck({ glossaries: [glossaryFile], files: [segmentsFile], format: 'json', failOn: 'error' }));
  const [files, load] = await time(() => loadGlossaryFiles([glossaryFile]));
  const glossary = mergeGlossaryFiles(files);
  const [matcher, compile] = await time(() => createMatcher(glossary));
  const [, lintS] = await time(() => glossaryLintViolations([glossaryFile], { files, matcher }));
  const [, lintAlone] = await time(() => glossaryLintViolations([glossaryFile]));
  const [read, readS] = await time(() => readSegmentFiles([segmentsFile]));
  const [, matching] = await time(() => { for (const { segment: s } of read) { matcher.find(s.src.text, 'en'); matcher.find(s.tgt!.text, 'ru'); } });
  const [violations, rules] = await time(() => checkSegments(read, glossary, matcher));
  const [, report] = await time(() => toJsonReport({ violations, summary: summarize(violations, { files: 1, segments: read.length, glossaries: 1, entries: glossary.entries.length }, 'error') }));
  const line = (label: string, s: number, extra = '') => console.log(`  ${label.padEnd(16)}${s.toFixed(2).padStart(6)} s${extra}`);
  line('load glossary', load);
  line('compile matcher', compile);
  line('glossary lint', lintS, '  (on the loaded glossary and compiled matcher, as check runs it)');
  line('lint alone', lintAlone, '  (reading, parsing and compiling its own, as `tandem glossary lint`)');
  line('read segments', readS);
  line('matcher alone', matching, `  (${(chars / 1e6 / matching).toFixed(2)} M characters/s, both sides)`);
  line('all rules', rules, `  (${Math.round(read.length / rules)} segments/s on one thread, matching included)`);
  line('json report', report);
  console.log(`  violations      ${JSON.stringify(outcome.summary.byRule)}`);
  console.log(`  in this process ${inProcess.toFixed(2)} s first run, ${again.toFixed(2)} s again (modules and models loaded)`);
  for (const [i, r] of runs.entries()) {
    const met = r.wall <= GOAL_S ? 'met' : r.cpu <= GOAL_S ? 'NOT met on the wall clock (CPU within: the machine is loaded)' : 'NOT met';
    console.log(`total${runs.length > 1 ? ` #${i + 1}` : ''} (cold \`tandem check\` process, end to end): ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU for ${SEGMENTS} segments; goal ≤ ${GOAL_S} s: ${met}`);
  }
} finally {
  if (process.env.KEEP) console.log(`files kept in ${dir}`); else rmSync(dir, { recursive: true, force: true });
}
