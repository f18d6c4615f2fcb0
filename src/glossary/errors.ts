// The one error type glossary loading throws: its message is "file:line: what is wrong".
export class GlossaryError extends Error {
  constructor(public file: string, public line: number | undefined, message: string) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}
