// Numbers as placeables: what a written number means (its value) and how a language writes it.
// "1,200" in an English source and "1 200" in its Russian target are one number; "-5" and "5" are
// two. Matching compares values, and a substituted number is written as the old target number was
// (its grouping and decimal mark), so "1,500" never lands in a Russian text, where it reads as 1.5.

/** Languages that write a decimal point (3.5) and group with commas (1,200); the rest use 3,5. */
const DECIMAL_POINT = new Set(['en', 'zh', 'ja', 'ko', 'he', 'th', 'hi', 'ga', 'mt', 'sw', 'ms', 'tl']);
const base = (lang: string) => lang.toLowerCase().split(/[-_]/)[0];
export const decimalMark = (lang: string) => (DECIMAL_POINT.has(base(lang)) ? '.' : ',');

export interface NumberStyle { group: string; decimal: string }

/** A number's value as a canonical string ("-1200.5"), read by `lang`'s convention; raw if opaque (10:30, 09.08.2020). */
export function numberValue(raw: string, lang: string): string {
  const sign = /^[-\u2212]/.test(raw) ? '-' : '';
  const body = raw.replace(/^[-\u2212+]/, '');
  if (/:/.test(body)) return sign + body;
  const parts = body.split(/[.,\u00a0\u202f ]/);
  const seps = body.match(/[.,\u00a0\u202f ]/g) ?? [];
  if (!seps.length) return sign + stripZeros(body);
  const dec = decimalMark(lang);
  // Every separator but a last decimal mark must group thousands: three digits after it.
  const lastIsDecimal = seps[seps.length - 1] === dec && (seps.length === 1 || seps.slice(0, -1).every((s) => s !== dec));
  const groups = lastIsDecimal ? parts.slice(1, -1) : parts.slice(1);
  const groupSeps = lastIsDecimal ? seps.slice(0, -1) : seps;
  if (groups.some((g) => g.length !== 3) || new Set(groupSeps).size > 1 || parts[0].length > 3 && groups.length) return sign + body;
  const int = stripZeros(lastIsDecimal ? parts.slice(0, -1).join('') : parts.join(''));
  return sign + int + (lastIsDecimal ? '.' + parts[parts.length - 1] : '');
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/** How a written number groups and marks decimals (what it does not show, the language's default). */
export function numberStyle(raw: string, lang: string): NumberStyle & { shown: boolean } {
  const value = numberValue(raw, lang);
  const body = raw.replace(/^[-\u2212+]/, '');
  const seps = body.match(/[.,\u00a0\u202f ]/g) ?? [];
  const decimal = value.includes('.') ? seps[seps.length - 1] : decimalMark(lang);
  const groupSeps = value.includes('.') ? seps.slice(0, -1) : seps;
  const intDigits = value.replace(/^-/, '').split('.')[0].length;
  // A 4+-digit integer written without separators shows that this text does not group.
  return { group: groupSeps[0] ?? '', decimal, shown: groupSeps.length > 0 || intDigits >= 4 };
}

/** Writes a canonical value in a style; `raw` when the value is opaque. */
export function formatNumber(value: string, style: NumberStyle, raw: string, lang: string): string {
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return raw;
  const sign = value.startsWith('-') ? (raw.startsWith('\u2212') ? '\u2212' : '-') : '';
  const [int, frac] = value.replace(/^-/, '').split('.');
  // No grouping shown: the language's habit (Russian writes 1500 but 15 000; English 1,500).
  const group = style.group || (decimalMark(lang) === ',' ? (int.length >= 5 ? '\u00a0' : '') : (int.length >= 4 ? ',' : ''));
  const grouped = group ? int.replace(/\B(?=(\d{3})+$)/g, group) : int;
  return sign + grouped + (frac !== undefined ? style.decimal + frac : '');
}

// A sign belongs to the number only where it cannot be a hyphen or a range dash (5-6, COVID-19).
const SIGN = '(?:(?<![\\p{L}\\p{M}\\p{N}.,])[-\u2212])?(?<![\\p{N}.,])';
const PLAIN = `${SIGN}\\p{N}+(?:[.,:\u00a0\u202f]\\p{N}+)*`;
// Thousands grouped with plain spaces ("1 200 рублей") only where the language groups that way.
export const SPACED = `${SIGN}\\p{N}{1,3}(?: \\p{N}{3}(?!\\p{N}))+(?:,\\p{N}+)?`;
const NUMBER_POINT = new RegExp(PLAIN, 'gu');
const NUMBER_COMMA = new RegExp(`${SPACED}|${PLAIN}`, 'gu');

/** Whether `lang` groups thousands with spaces (a decimal-comma language: "1 200,5"). */
export const groupsWithSpaces = (lang: string) => decimalMark(lang) === ',';

/** Every number written in a text (signs and space-grouped thousands included), with its value. */
export function numbersIn(text: string, lang: string): Array<{ raw: string; start: number; end: number; value: string }> {
  const re = groupsWithSpaces(lang) ? NUMBER_COMMA : NUMBER_POINT;
  return [...text.matchAll(re)].map((m) => ({ raw: m[0], start: m.index!, end: m.index! + m[0].length, value: numberValue(m[0], lang) }));
}
