// npm run bench:check: `tandem check` on 100,000 generated en→ru segments against a generated
// 5,000-entry glossary (people, places, organisations; inflected Russian forms in the targets), with
// planted violations of every rule. Goal: the whole run in at most 10 s. Prints where the time goes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { checkSegments, glossaryLintViolations, readSegmentFiles, runCheck, summarize, toJsonReport } from '../../src/check/index.ts';
import { segmentsToJsonl } from '../../src/export/index.ts';
import { createMatcher, loadGlossaries, russianForms } from '../../src/glossary/index.ts';
import type { GlossaryEntry, Segment } from '../../src/types.ts';

const ENTRIES = Number(process.env.ENTRIES ?? 5000);
const SEGMENTS = Number(process.env.SEGMENTS ?? 100_000);
const GOAL_S = 10;
// PARALLEL=0 / PARALLEL=1 forbid or force the worker thread (default: by batch size).
const PARALLEL = process.env.PARALLEL === undefined ? undefined : process.env.PARALLEL !== '0';

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
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

const named = makeGlossary();
const segments = makeSegments(named);
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-check-'));
// A generated glossary of this size is machine data: JSON (GLOSSARY_FORMAT=yaml measures YAML).
const glossaryFile = join(dir, process.env.GLOSSARY_FORMAT === 'yaml' ? 'glossary.yaml' : 'glossary.json');
const segmentsFile = join(dir, 'segments.jsonl');
const glossaryData = { name: 'bench', entries: named.map((n) => n.entry) };
writeFileSync(glossaryFile, glossaryFile.endsWith('.yaml') ? YAML.stringify(glossaryData) : JSON.stringify(glossaryData, null, 1));
writeFileSync(segmentsFile, segmentsToJsonl(segments));
try {
  const chars = segments.reduce((n, s) => n + s.src.text.length + (s.tgt?.text.length ?? 0), 0);
  console.log(`bench:check: ${ENTRIES} glossary entries, ${SEGMENTS} segments (${(chars / 1e6).toFixed(1)} M characters), en→ru`);
  // Whole run first, as the CLI does it, while nothing is warmed up by the parts below. CPU seconds
  // are printed beside wall-clock ones: on a shared machine the wall clock also counts waiting.
  const cpu0 = cpu();
  const [outcome, total] = await time(() => runCheck({ glossaries: [glossaryFile], files: [segmentsFile], format: 'json', failOn: 'error', parallel: PARALLEL }));
  const totalCpu = cpu() - cpu0;
  const [, again] = await time(() => runCheck({ glossaries: [glossaryFile], files: [segmentsFile], format: 'json', failOn: 'error', parallel: PARALLEL }));
  const [glossary, load] = await time(() => loadGlossaries([glossaryFile]));
  const [, lintS] = await time(() => glossaryLintViolations([glossaryFile]));
  const [matcher, compile] = await time(() => createMatcher(glossary));
  const [read, readS] = await time(() => readSegmentFiles([segmentsFile]));
  const [, matching] = await time(() => { for (const { segment: s } of read) { matcher.find(s.src.text, 'en'); matcher.find(s.tgt!.text, 'ru'); } });
  const [violations, rules] = await time(() => checkSegments(read, glossary, matcher));
  const [, report] = await time(() => toJsonReport({ violations, summary: summarize(violations, { files: 1, segments: read.length, glossaries: 1, entries: glossary.entries.length }, 'error') }));
  const line = (label: string, s: number, extra = '') => console.log(`  ${label.padEnd(16)}${s.toFixed(2).padStart(6)} s${extra}`);
  line('load glossary', load);
  line('glossary lint', lintS);
  line('compile matcher', compile);
  line('read segments', readS);
  line('matcher alone', matching, `  (${(chars / 1e6 / matching).toFixed(2)} M characters/s, both sides)`);
  line('all rules', rules, `  (${Math.round(read.length / rules)} segments/s on one thread, matching included)`);
  line('json report', report);
  console.log(`  violations      ${JSON.stringify(outcome.result.summary.byRule)}`);
  console.log(`  peak RSS        ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  console.log(`  end to end again ${again.toFixed(2)} s (models and modules already loaded)`);
  console.log(`total (tandem check, end to end): ${total.toFixed(2)} s wall, ${totalCpu.toFixed(2)} s CPU for ${SEGMENTS} segments; goal ≤ ${GOAL_S} s: ${total <= GOAL_S ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
