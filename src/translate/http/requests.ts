// Polite HTTP for paid and rate-limited translation APIs: a p-queue caps concurrency and requests per
// interval; each request has a timeout; 429 and 5xx answers and network failures are retried with
// exponential backoff (honouring Retry-After); other 4xx answers fail at once with the server's reason.
import PQueue from 'p-queue';
import { t } from '../../i18n/index.ts';

export interface RequestPolicy {
  concurrency: number;
  /** At most `intervalCap` requests start in any `intervalMs` window. */
  intervalCap: number;
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  /** First backoff; doubles each retry (with jitter), capped at 30 s. */
  backoffMs: number;
}

export const DEFAULT_POLICY: RequestPolicy = { concurrency: 2, intervalCap: 5, intervalMs: 1000, timeoutMs: 30_000, retries: 4, backoffMs: 500 };

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(message: string, readonly status?: number) { super(message); }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export interface Requester {
  /** POSTs JSON (or GETs when body is undefined) and returns the parsed JSON answer. */
  json(url: string, body: unknown, headers?: Record<string, string>): Promise<unknown>;
  /** Requests actually sent, retries included (for reports and tests). */
  readonly sent: number;
}

export function createRequester(policy: RequestPolicy, label: string): Requester {
  // strict: the cap holds in any rolling window, not just per fixed interval.
  const queue = new PQueue({ concurrency: policy.concurrency, intervalCap: policy.intervalCap, interval: policy.intervalMs, strict: true });
  let sent = 0;
  async function once(url: string, body: unknown, headers: Record<string, string>): Promise<Response> {
    sent++;
    return fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
  }
  return {
    get sent() { return sent; },
    async json(url, body, headers = {}) {
      for (let attempt = 0; ; attempt++) {
        let wait: number | undefined;
        let failure: string;
        try {
          const response = await queue.add(() => once(url, body, headers));
          if (response.ok) {
            const text = await response.text();
            try { return JSON.parse(text); } catch { throw new HttpError(t('translate:httpNotJson', { label, url })); }
          }
          const reason = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
          failure = t(reason ? 'translate:httpStatusReason' : 'translate:httpStatus', { label, url, status: response.status, reason });
          if (response.status !== 429 && response.status < 500) throw new HttpError(failure, response.status);
          wait = retryAfterMs(response.headers.get('retry-after'));
        } catch (error) {
          if (error instanceof HttpError) throw error;
          const e = error as Error;
          failure = e.name === 'TimeoutError' || e.name === 'AbortError'
            ? t('translate:httpTimeout', { label, url, ms: policy.timeoutMs })
            : t('translate:httpFailed', { label, url, reason: (e.cause as Error)?.message ?? e.message });
        }
        if (attempt >= policy.retries) throw new HttpError(t('translate:httpGaveUp', { failure, count: attempt + 1 }));
        const backoff = Math.min(30_000, policy.backoffMs * 2 ** attempt) * (0.75 + Math.random() / 2);
        await sleep(Math.max(wait ?? 0, backoff));
      }
    },
  };
}
