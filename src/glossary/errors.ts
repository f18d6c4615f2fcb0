// The one error type glossary loading throws: its message is "file:line: what is wrong".
export class GlossaryError extends Error {
  /**
   * `more`: the file's other mistakes found in the same pass (a schema check finds them all), which
   * `glossary lint` lists too: fixing a glossary one rerun per mistake is slow.
   */
  constructor(public file: string, public line: number | undefined, public reason: string,
    public more: Array<{ line: number | undefined; reason: string }> = []) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}
