// A worker's filing of speaker items when a write fails part way: no half entry is left behind.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

test('a write that fails part way leaves the bucket file as it was, and the filing fails for the run to file the items itself', async () => {
  let failing = false;
  vi.doMock('node:fs', async (importOriginal) => {
    const fs = await importOriginal<typeof import('node:fs')>();
    // a full disk: part of the bytes, then an error
    const writeSync = (fd: number, buffer: Uint8Array, offset: number) => {
      if (!failing) return fs.writeSync(fd, buffer, offset);
      if (offset === 0) return fs.writeSync(fd, buffer, 0, 5);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return { ...fs, default: { ...fs, writeSync }, writeSync };
  });
  const { encodeSpeakerItems, fileSpeakerItems, speakerEntry, stopFiling } = await import('../pipeline/report/speaker-pages.ts');
  const dir = await mkdtemp(join(tmpdir(), 'quotes-filing-'));
  try {
    const items = (seq: number) => encodeSpeakerItems(new Map([['person:a', 1]]), new Map([[7, speakerEntry('person:a', 'A', { title: `Doc ${seq}`, type: 'direct', anchor: 'q-0', rest: 'quote' })]]));
    fileSpeakerItems(dir, { seq: 0, anchor: 'd-0' }, items(0));
    const [folder] = await readdir(dir);
    const file = join(dir, folder!, 'bucket-7.entries');
    const before = await readFile(file, 'utf8');
    failing = true;
    expect(() => fileSpeakerItems(dir, { seq: 1, anchor: 'd-1' }, items(1))).toThrow('ENOSPC');
    expect(await readFile(file, 'utf8')).toBe(before);
    failing = false;
    fileSpeakerItems(dir, { seq: 2, anchor: 'd-2' }, items(2));
    const after = await readFile(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after).toContain('Doc 2');
    expect(after).not.toContain('Doc 1');
    stopFiling();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
