// Talks to the review server. Decisions are sent one at a time, in order, each with the state
// revision it was made on; the server journals (fsyncs) a decision before it answers.
let chain = Promise.resolve();

export async function loadState() {
  const res = await fetch('/api/state', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export async function loadViolations() {
  const res = await fetch('/api/violations', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export class RequestError extends Error {
  constructor(status, body) {
    super(body?.error ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
  }
}

/** Sends a decision ('op', 'undo' or 'redo'); `getRev` is read when the request actually goes out. */
export function send(path, getRev, op) {
  const run = chain.then(async () => {
    const res = await fetch(`/api/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rev: getRev(), op }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new RequestError(res.status, body);
    return body;
  });
  chain = run.catch(() => undefined);
  return run;
}
