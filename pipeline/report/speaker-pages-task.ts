// The speaker list, the name pages and the speaker pages, written in a process of their own while the run's main thread commits the dataset (speaker-pages-process.ts): the end of a run had a core idle.
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
 * Growth of the heap between two full collections. Collected only when its heap had doubled past
 * 128 MB, as the main thread does, the thread that wrote the pages until session 16 took the
 * 100,000-article run's peak RSS from ~456 MB (the stream's) to 607 MB at the end; it holds ~40 MB
 * live there.
 */
const GROWTH = 24 * 1024 * 1024;

/**
 * Writes the lists and the pages (`speakerListPages`, `namePages`, `writeSpeakerPages`). On the main
 * thread, the lists held up the commit of the dataset by ~0.5 s at 5,000 bench articles.
 */
export default async function writeSpeakerPagesTask({ filed, pages, folder, names }: SpeakerPagesTask): Promise<void> {
  const files = new FolderFiles(folder);
  for (const [path, html] of speakerListPages(filed.speakers, pages)) files.write(path, html);
  for (const [path, html] of namePages(names, pages)) files.write(path, html);
  const entities = entitiesBySignature(names);
  await writeSpeakerPages(filed, pages, (key) => entities.get(key), async (path, html) => files.write(path, html), GROWTH);
}
