// One xstate machine per document: read → segment → detect → normalise → align → translate → emit,
// each stage a promise actor. A DocumentError (bad input) goes straight to `failed` with its reason;
// a transient error (busy file system, rate-limited or failing translation service) is retried with
// exponential backoff; any other error fails the document, never the batch.
import { assign, setup, type PromiseActorLogic } from 'xstate';
import { DocumentError } from '../documents/index.ts';
import { alignStage, detectStage, emitStage, normaliseStage, readStage, segmentStage, translateStage, type StageDeps,
  type StageName } from './stages.ts';
import type { DocContext, DocOutput, MachineInput, StageTimes } from './types.ts';
import { documentOutput, totalTime } from './output.ts';

type StageResult = Partial<DocContext>;

/** Error codes and HTTP statuses worth another try. */
const TRANSIENT_CODES = new Set(['EAGAIN', 'EBUSY', 'EMFILE', 'ENFILE', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

export function isTransient(error: unknown): boolean {
  const e = error as { code?: string; status?: number; transient?: boolean } | null;
  if (!e || error instanceof DocumentError) return false;
  if (e.transient) return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  return typeof e.status === 'number' && (e.status === 429 || e.status >= 500);
}

function failureOf(stage: StageName, error: unknown): NonNullable<DocContext['failure']> {
  if (error instanceof DocumentError) return { ...error.toFailure(), stage };
  const reason = String((error as Error)?.message ?? error).split('\n')[0];
  const d = new DocumentError('stageFailed', { stage, reason });
  return { ...d.toFailure(), stage };
}

/** The event loop gets a turn at least this often (a turn per stage cost more than short stages). */
const YIELD_MS = 10;
let lastTurn = 0;

const RESOLVED = 'tandem.stage.resolve', REJECTED = 'tandem.stage.reject', STOP = 'xstate.stop';

/**
 * A stage as actor logic: xstate's fromPromise, same snapshots (so saved progress and restoring are
 * unchanged), without the AbortController it makes for every start. A stage is CPU work that cannot
 * be cancelled midway and a stopped machine ignores its result, so the signal was never read; making
 * one was about a sixth of the machine's own cost per document (a bare machine of the same shape).
 */
function stageLogic(run: (input: DocContext) => Promise<StageResult>): PromiseActorLogic<StageResult, DocContext> {
  return {
    transition(snapshot, event) {
      if (snapshot.status !== 'active') return snapshot;
      if (event.type === RESOLVED) return { ...snapshot, status: 'done', output: event.data as StageResult, input: undefined };
      if (event.type === REJECTED) return { ...snapshot, status: 'error', error: event.data, input: undefined };
      if (event.type === STOP) return { ...snapshot, status: 'stopped', input: undefined };
      return snapshot;
    },
    start(snapshot, { self }) {
      if (snapshot.status !== 'active') return;
      const settle = (type: string) => (data: unknown) => {
        if (self.getSnapshot().status === 'active') self.send({ type, data });
      };
      run(snapshot.input!).then(settle(RESOLVED), settle(REJECTED));
    },
    getInitialSnapshot: (_, input) => ({ status: 'active', output: undefined, error: undefined, input }),
    getPersistedSnapshot: (snapshot) => snapshot,
    restoreSnapshot: (snapshot) => snapshot as ReturnType<PromiseActorLogic<StageResult, DocContext>['getInitialSnapshot']>,
  };
}

/** Runs a stage and records how long it took (summed over attempts and resumed runs). */
const timed = (stage: StageName, run: (ctx: DocContext) => StageResult | Promise<StageResult>) =>
  stageLogic(async (input) => {
    // Stages are CPU work chained by promises: without a turn of the event loop between them, Ctrl-C,
    // timers, file reads and the progress bar would wait for the whole batch.
    if (performance.now() - lastTurn > YIELD_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastTurn = performance.now();
    }
    const started = performance.now();
    const result = await run(input);
    // Kept to 10 µs: rounded to whole milliseconds per document, short stages summed over a batch
    // were off by up to a fifth (report.json rounds the document's total).
    const ms = (input.times[stage] ?? 0) + performance.now() - started;
    // Object.assign rather than spreads that add keys (`{ ...result, times }`): on Node 20 those build a
    // new hidden class per call (see normaliseStage), seven times a document here.
    const times: StageTimes = Object.assign({}, input.times);
    times[stage] = Math.round(ms * 100) / 100;
    return Object.assign({}, result, { times });
  });

/**
 * Bumped whenever the machine's states change: saved progress of another shape is not resumed (the
 * batch's job key includes it).
 */
export const MACHINE_VERSION = 2;

const RETRY = 'Retry';

/** The stage a state value is in: `<stage>` runs it, `<stage>Retry` waits to run it again. */
export function stageOf(value: unknown): string {
  const state = String(value);
  return state.endsWith(RETRY) ? state.slice(0, -RETRY.length) : state;
}

export function createDocumentMachine(deps: StageDeps) {
  // Flat states, two per stage: nested ones (running/waiting inside each stage) cost xstate a fifth
  // more allocation per document, for nothing the batch needs.
  const stage = (name: StageName, next: StageName | 'done') => ({
    [name]: {
      invoke: {
        src: name,
        input: ({ context }: { context: DocContext }) => context,
        onDone: { target: next, actions: assign(({ event }) => Object.assign({ attempt: 0 }, event.output as StageResult)) },
        onError: [
          { guard: 'retryable', target: name + RETRY, actions: assign({ attempt: ({ context }) => context.attempt + 1 }) },
          { target: 'failed', actions: assign({ failure: ({ event }) => failureOf(name, event.error) }) },
        ],
      },
    },
    [name + RETRY]: { after: { backoff: name } },
  });

  const machineSetup = setup({
    types: { context: {} as DocContext, input: {} as MachineInput, output: {} as DocOutput },
    actors: {
      read: timed('read', readStage),
      segment: timed('segment', segmentStage),
      detect: timed('detect', detectStage),
      normalise: timed('normalise', (c) => normaliseStage(c, deps)),
      align: timed('align', (c) => alignStage(c, deps)),
      translate: timed('translate', (c) => translateStage(c, deps)),
      emit: timed('emit', emitStage),
    },
    guards: {
      retryable: ({ context, event }) =>
        isTransient((event as { error?: unknown }).error) && context.attempt + 1 < context.input.settings.retries.attempts,
    },
    delays: {
      backoff: ({ context }) => context.input.settings.retries.backoffMs * 2 ** (context.attempt - 1),
    },
  });
  type States = NonNullable<Parameters<typeof machineSetup.createMachine>[0]['states']>;
  // The stage states are made by one helper, which xstate's inference cannot follow: typed here.
  const states = {
    ...stage('read', 'segment'),
    ...stage('segment', 'detect'),
    ...stage('detect', 'normalise'),
    ...stage('normalise', 'align'),
    ...stage('align', 'translate'),
    ...stage('translate', 'emit'),
    ...stage('emit', 'done'),
    done: { type: 'final' },
    failed: { type: 'final' },
  } as unknown as States;
  return machineSetup.createMachine({
    id: 'document',
    context: ({ input }) => ({ input, attempt: 0, times: {} }),
    initial: 'read',
    states,
    // Failed documents have no emitted record: theirs is made from what the stages left.
    output: ({ context }) => (context.result ? { ...context.result, timeMs: totalTime(context), stageMs: context.times } : documentOutput(context)),
  });
}

export type DocumentMachine = ReturnType<typeof createDocumentMachine>;

interface PersistedShape { context?: unknown; children?: Record<string, { snapshot?: { input?: unknown } }> }
const CONTEXT = '$context';

/**
 * A persisted snapshot holds the running stage's actor with its input, which is always the machine's
 * context (see `input` of every stage): saved once, as a marker, it halves the journal.
 */
export function compactSnapshot<T>(snapshot: T): T {
  const s = snapshot as PersistedShape;
  if (!s.children) return snapshot;
  const children = Object.fromEntries(Object.entries(s.children).map(([k, child]) =>
    [k, child.snapshot?.input === undefined ? child : { ...child, snapshot: { ...child.snapshot, input: CONTEXT } }]));
  return { ...s, children } as T;
}

/** The inverse of compactSnapshot: the stage actor's input is the context again. */
export function expandSnapshot<T>(snapshot: T): T {
  const s = snapshot as PersistedShape;
  if (!s.children) return snapshot;
  const children = Object.fromEntries(Object.entries(s.children).map(([k, child]) =>
    [k, child.snapshot?.input === CONTEXT ? { ...child, snapshot: { ...child.snapshot, input: s.context } } : child]));
  return { ...s, children } as T;
}
