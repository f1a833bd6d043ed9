// The speaker list, the name pages and the speaker pages, written in a thread of their own while the run's main thread commits the dataset: the end of a run had a core idle.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { entitiesBySignature, type SpeakerName } from '../speakers.ts';
import { speakerListPages } from './lists.ts';
import { namePages } from './name-pages.ts';
import { FolderFiles } from './report-dir.ts';
import { writeSpeakerPages, type FiledQuotes } from './speaker-pages.ts';

export interface SpeakerPagesTask {
  readonly filed: FiledQuotes;
  /** The number of shared speaker pages (`speakerPageCount`). */
  readonly pages: number;
  /** The report's temporary folder, which the pages go into. */
  readonly folder: string;
  /** Every name documents gave a speaker, with its entity: the speaker keys of `filed` are their signatures. */
  readonly names: readonly SpeakerName[];
}

/**
 * Growth of this thread's heap between two full collections. Collected only when its heap had
 * doubled past 128 MB, as the main thread does, this thread took the 100,000-article run's peak RSS
 * from ~456 MB (the stream's) to 607 MB at the end; it holds ~40 MB live there.
 */
const GROWTH = 24 * 1024 * 1024;

/**
 * This thread's nice value. It runs beside the main thread's commit of the dataset, which the run
 * waits on, and finishes well before it; given the same share of a core, it slowed the commit by its
 * collections and writes.
 */
const NICE = 10;

/**
 * Lowers this thread's priority to `nice`, unless it is lower already, on Linux (where `setpriority`
 * takes a thread's own id); elsewhere it stays as it is.
 */
export function lowerPriority(nice = NICE): boolean {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(thread, Math.max(nice, getPriority(thread)));
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the lists and the pages (`speakerListPages`, `namePages`, `writeSpeakerPages`). On the main
 * thread, the lists held up the commit of the dataset by ~0.5 s at 5,000 bench articles.
 */
export default async function writeSpeakerPagesTask({ filed, pages, folder, names }: SpeakerPagesTask): Promise<void> {
  lowerPriority();
  const files = new FolderFiles(folder);
  for (const [path, html] of speakerListPages(filed.speakers, pages)) files.write(path, html);
  for (const [path, html] of namePages(names, pages)) files.write(path, html);
  const entities = entitiesBySignature(names);
  await writeSpeakerPages(filed, pages, (key) => entities.get(key), async (path, html) => files.write(path, html), GROWTH);
}
