// White space as JavaScript's \s knows it (tests/documents/space.test.ts checks every code unit),
// tested by character code: the readers and the segmenter ask this of every character, where a
// regex test of a one-character string cost an allocation and a call each time.

/** Whether the UTF-16 code unit `c` is white space (\s). */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x1680) return c === 0xa0; // Latin, Cyrillic and most scripts in two comparisons
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
    || c === 0x3000 || c === 0xfeff;
}
