// Encoding the writers' text to UTF-8 for the files, in one pass over the text.
//
// Buffer.from(text) measures the text's UTF-8 length before it encodes it (twice, for texts over
// 4 KB), each pass walking every character. Encoding into a scratch buffer that is surely big enough
// (3 bytes per UTF-16 unit at most) and copying the bytes out skips the measuring. (Handing out views
// of large shared blocks instead of copies measured slower: fresh blocks cost more than the copies.)

/** Texts up to this many UTF-16 units go through the scratch buffer, which never grows past 3x this. */
const SCRATCH_UNITS = 1 << 20;
let scratch = Buffer.allocUnsafeSlow(1 << 16);

/** The UTF-8 bytes of `text`, as Buffer.from(text) gives them. */
export function utf8(text: string): Buffer {
  if (text.length > SCRATCH_UNITS) return Buffer.from(text);
  if (scratch.length < text.length * 3) scratch = Buffer.allocUnsafeSlow(text.length * 3);
  const length = scratch.write(text);
  const bytes = Buffer.allocUnsafe(length);
  scratch.copy(bytes, 0, 0, length);
  return bytes;
}
