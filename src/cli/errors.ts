/** Bad command line, job file or other user input: exit code 2, one line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
