import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.ts';
import { StateStore, type AttachedLines } from '../../src/pipeline/state.ts';
import { codeFingerprint, fingerprintOf } from '../../src/pipeline/fingerprint.ts';
import type { DocTask } from '../../src/pipeline/index.ts';

const made: string[] = [];
const temp = (prefix: string) => { const d = mkdtempSync(join(tmpdir(), prefix)); made.push(d); return d; };
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });
const task = (id: string): DocTask => ({ src: { id, path: `/x/${id}`, fingerprint: '1:1' } });

/** One run of a store over `out`: opened with `key`, the snapshots saved in order, closed. */
async function run(out: string, key: string, saves: Array<[string, unknown, AttachedLines?]>): Promise<StateStore> {
  const store = new StateStore(out);
  store.open(key);
  for (const [id, snapshot, attached] of saves) store.save(task(id), snapshot, attached);
  await store.close();
  return store;
}

describe('saved progress', () => {
  it('keeps the last snapshot per document and ignores a torn last line', async () => {
    const out = temp('tandem-state-');
    const store = await run(out, 'key-1', [['a.txt', { value: 'read' }], ['a.txt', { value: 'segment' }], ['b.txt', { value: 'read' }]]);
    appendFileSync(join(store.dir, 'journal.jsonl'), '{"key":"b.txt\\u0000","task":{"src":{"id":"b.tx'); // killed mid-write
    const again = new StateStore(out);
    expect(again.open('key-1')).toEqual({ resumed: true });
    expect(again.load(task('a.txt'))).toEqual({ value: 'segment' });
    expect(again.load(task('b.txt'))).toEqual({ value: 'read' });
    // A changed file (fingerprint) is not resumed.
    expect(again.load({ src: { ...task('a.txt').src, fingerprint: '2:2' } })).toBeUndefined();
    await again.close();
    const changed = new StateStore(out);
    expect(changed.open('key-2')).toEqual({ resumed: false });
    expect(changed.load(task('a.txt'))).toBeUndefined();
    await changed.close();
    expect(existsSync(join(store.dir, 'lock'))).toBe(false);
  });

  it("reads a record's attached lines back with it, and drops a record whose lines were cut", async () => {
    const out = temp('tandem-attached-');
    await run(out, 'k', [['a.txt', { value: 'emit' }], ['b.txt', { value: 'emit' }]]);
    const lines = (ids: string[]) => ({ count: ids.length, bytes: Buffer.from(ids.map((id) => JSON.stringify({ id, text: 'Привет "мир"' }) + '\n').join('')) });
    const done = await run(out, 'k', [['a.txt', { status: 'done' }, lines(['0.0', '0.1'])], ['b.txt', { status: 'done' }, lines(['1.0', '1.1', '1.2'])]]);
    const file = join(done.dir, 'journal.jsonl');
    const text = readFileSync(file, 'utf8');
    // Killed while writing b's last segment: b's record is torn, so b resumes from its emit stage.
    writeFileSync(file, text.slice(0, text.lastIndexOf('"1.2"')));
    const again = new StateStore(out);
    again.open('k');
    expect(again.load(task('a.txt'))).toEqual({ status: 'done' });
    expect(again.loadAttached(task('a.txt'))).toEqual([{ id: '0.0', text: 'Привет "мир"' }, { id: '0.1', text: 'Привет "мир"' }]);
    expect(again.load(task('b.txt'))).toEqual({ value: 'emit' });
    expect(again.loadAttached(task('b.txt'))).toEqual([]);
    await again.close();
    // Compacting on open kept a's lines with it.
    const compacted = new StateStore(out);
    compacted.open('k');
    expect(compacted.loadAttached(task('a.txt'))).toHaveLength(2);
    await compacted.close();
  });

  it('commits snapshots in groups: one replaced within the window is never written', async () => {
    const out = temp('tandem-group-');
    const store = new StateStore(out, 40);
    store.open('k');
    const lines = () => readFileSync(join(store.dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((l) => JSON.parse(l).snapshot);
    store.save(task('a.txt'), { value: 'segment' });
    store.save(task('a.txt'), { value: 'detect' });
    store.save(task('b.txt'), { value: 'segment' });
    expect(lines()).toEqual([]); // nothing written inside the window
    // Written when the window closes (on libuv's pool, so it lands a moment later).
    await expect.poll(lines, { timeout: 2000 }).toEqual([{ value: 'detect' }, { value: 'segment' }]);
    store.save(task('b.txt'), { value: 'done' });
    await store.close(); // a normal end (and Ctrl-C) writes what is pending
    expect(lines()).toEqual([{ value: 'detect' }, { value: 'segment' }, { value: 'done' }]);
  });

  it('takes over the lock of a killed run that lingers as a zombie', async () => {
    const out = temp('tandem-zombie-');
    // The background job exits after the shell has become `sleep`, which never reaps it: a zombie
    // for 5 s (had it exited before the exec, the shell would have reaped it).
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 5']);
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d) => resolve(String(d)))));
      await new Promise((r) => setTimeout(r, 400));
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/^\d+ \(.+\) Z /); // state Z: a zombie
      const store = new StateStore(out);
      store.open('k');
      await store.close();
      writeFileSync(join(store.dir, 'lock'), String(pid));
      const again = new StateStore(out);
      expect(again.open('k')).toEqual({ resumed: true });
      await again.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('refuses a second run on the same output folder while the first is alive', async () => {
    const out = temp('tandem-lock-');
    const other = spawn('sleep', ['30']);
    try {
      const store = new StateStore(out);
      store.open('k');
      await store.close();
      writeFileSync(join(store.dir, 'lock'), String(other.pid));
      expect(() => new StateStore(out).open('k')).toThrow(UsageError);
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
      // The holder is gone (killed): its lock is stale and taken over.
      const after = new StateStore(out);
      expect(after.open('k')).toEqual({ resumed: true });
      await after.close();
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('the code fingerprint in the job key', () => {
  it('changes with any file of src/ and with package-lock.json, so a batch saved by other code is not resumed', () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-fp-'));
    mkdirSync(join(root, 'src', 'align'), { recursive: true });
    writeFileSync(join(root, 'src', 'align', 'dp.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/franc":{"version":"6.2.0"}}}');
    const first = fingerprintOf(root);
    expect(fingerprintOf(root)).toBe(first);
    writeFileSync(join(root, 'src', 'align', 'dp.ts'), 'export const a = 2;\n');
    const edited = fingerprintOf(root);
    writeFileSync(join(root, 'package-lock.json'), '{"packages":{"node_modules/franc":{"version":"6.2.1"}}}');
    const updated = fingerprintOf(root);
    writeFileSync(join(root, 'src', 'new.ts'), '');
    expect(new Set([first, edited, updated, fingerprintOf(root)]).size).toBe(4);
    expect(codeFingerprint()).toBe(fingerprintOf(join(import.meta.dirname, '..', '..')));
    rmSync(root, { recursive: true, force: true });
  });
});
