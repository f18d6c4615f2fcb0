// The thread behind temp-writer.ts: writes the temp files of a batch of staged documents, one after
// another, with plain synchronous fs calls. Plain JavaScript because a worker thread does not inherit
// the TypeScript loader that bin/tandem.js registers in the main thread.
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

/** Writes every byte (a write may take fewer than it is given), flushed to disk when `sync`. */
function writeFile(temp, bytes, sync) {
  const fd = openSync(temp, 'w');
  try {
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

// One message per batch: {id, folders, text, files: [{temp, from, to}], sync}, where text holds every
// file's content as UTF-16 code units (bytes from-to), written as UTF-8 through a string so the bytes
// are Buffer.from's, as in the main thread. The reply names the batch, hands the text buffer back for
// reuse and carries the error's fields when the batch failed (after removing what it had written).
parentPort.on('message', ({ id, folders, text, files, sync }) => {
  const units = Buffer.from(text);
  const started = [];
  let failure;
  try {
    for (const folder of folders) mkdirSync(folder, { recursive: true });
    for (const { temp, from, to } of files) {
      started.push(temp);
      writeFile(temp, Buffer.from(units.toString('utf16le', from, to)), sync);
    }
  } catch (error) {
    for (const temp of started) rmSync(temp, { force: true });
    const { message, code, errno, syscall, path } = error;
    failure = { message, code, errno, syscall, path };
  }
  parentPort.postMessage({ id, text, error: failure }, [text]);
});
