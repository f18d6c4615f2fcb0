// Line ends as the readers look for them. Files saved on classic Mac OS (and by some exporters) end
// lines with a lone CR, which CommonMark and every editor take for a line end, but the readers find
// lines, blank lines, front matter and table rows by LF: such a file was read as one paragraph.

const LONE_CR = /\r(?!\n)/g;

/**
 * The text with each lone CR as LF (CR LF stays as it is). One character for one, so every offset
 * into the result is the same offset into the file.
 */
export function loneCrAsLf(source: string): string {
  return source.includes('\r') ? source.replace(LONE_CR, '\n') : source;
}
