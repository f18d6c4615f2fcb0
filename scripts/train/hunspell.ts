// A small Hunspell expander: stems with their affix flags -> every word form. It covers what the
// ru/uk/be dictionaries use (single-character flags, SFX/PFX with strip/add/condition and cross
// products); nspell could only check words, not list them, so it would not give us the forms.
interface Rule { strip: string; add: string; cond: RegExp }
interface Affix { kind: 'PFX' | 'SFX'; cross: boolean; rules: Rule[] }

function parseAffixes(aff: string): { affixes: Map<string, Affix>; flagLong: boolean } {
  const affixes = new Map<string, Affix>();
  let flagLong = false;
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f[0] === 'FLAG' && f[1] === 'long') flagLong = true;
    if (f[0] !== 'PFX' && f[0] !== 'SFX') continue;
    const kind = f[0];
    const flag = f[1];
    if (f.length === 4 && (f[2] === 'Y' || f[2] === 'N') && /^\d+$/.test(f[3])) {
      affixes.set(flag, { kind, cross: f[2] === 'Y', rules: [] });
      continue;
    }
    const affix = affixes.get(flag);
    if (!affix || f.length < 4) continue;
    const strip = f[2] === '0' ? '' : f[2];
    const add = f[3] === '0' ? '' : f[3].split('/')[0];
    const cond = f[4] && f[4] !== '.' ? f[4] : '';
    affix.rules.push({ strip, add, cond: new RegExp(kind === 'SFX' ? `${cond}$` : `^${cond}`, 'u') });
  }
  return { affixes, flagLong };
}

function flagsOf(s: string, flagLong: boolean): string[] {
  if (!flagLong) return [...s];
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 2) out.push(s.slice(i, i + 2));
  return out;
}

/** Calls `emit` with every form of every stem (duplicates included). */
export function expandDictionary(aff: string, dic: string, emit: (form: string) => void): void {
  const { affixes, flagLong } = parseAffixes(aff);
  const lines = dic.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    // "stem/FLAGS morph..." ; a slash escaped as "\/" is rare enough to ignore.
    const [entry] = line.split(/\s+/);
    const slash = entry.indexOf('/');
    const stem = slash < 0 ? entry : entry.slice(0, slash);
    if (!stem) continue;
    emit(stem);
    if (slash < 0) continue;
    const flags = flagsOf(entry.slice(slash + 1), flagLong).map((f) => affixes.get(f)).filter((a): a is Affix => !!a);
    const prefixes = flags.filter((a) => a.kind === 'PFX');
    const suffixed: string[] = [];
    for (const a of flags) {
      if (a.kind !== 'SFX') continue;
      for (const r of a.rules) {
        if (!r.cond.test(stem) || !stem.endsWith(r.strip)) continue;
        const form = stem.slice(0, stem.length - r.strip.length) + r.add;
        emit(form);
        if (a.cross) suffixed.push(form);
      }
    }
    for (const p of prefixes) {
      for (const r of p.rules) {
        for (const base of p.cross ? [stem, ...suffixed] : [stem]) {
          if (!r.cond.test(base) || !base.startsWith(r.strip)) continue;
          emit(r.add + base.slice(r.strip.length));
        }
      }
    }
  }
}
