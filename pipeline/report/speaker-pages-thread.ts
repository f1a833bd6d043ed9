// The speaker pages, written in a thread of their own while the run's main thread commits the dataset: the end of a run had a core idle.
import { FolderFiles } from './report-dir.ts';
import { writeSpeakerPages, type FiledQuotes } from './speaker-pages.ts';

export interface SpeakerPagesTask {
  readonly filed: FiledQuotes;
  /** The number of shared speaker pages (`speakerPageCount`). */
  readonly pages: number;
  /** The report's temporary folder, which the pages go into. */
  readonly folder: string;
  /** The entity id each speaker key of `filed` stands for. */
  readonly entities: ReadonlyMap<string, string>;
}

/**
 * Growth of this thread's heap between two full collections. Collected only when its heap had
 * doubled past 128 MB, as the main thread does, this thread took the 100,000-article run's peak RSS
 * from ~456 MB (the stream's) to 607 MB at the end; it holds ~40 MB live there.
 */
const GROWTH = 24 * 1024 * 1024;

/** Writes the pages (`writeSpeakerPages`); hands back each page's path and sha256, for the report's digest. */
export default async function writeSpeakerPagesTask({ filed, pages, folder, entities }: SpeakerPagesTask): Promise<[path: string, sha256: string][]> {
  const byId = new Map(filed.speakers.map((s) => [s.id, s]));
  const files = new FolderFiles(folder);
  const resolve = (key: string) => {
    const id = entities.get(key);
    return id === undefined ? undefined : byId.get(id);
  };
  await writeSpeakerPages(filed, pages, resolve, async (path, html) => files.write(path, html), GROWTH);
  return [...files.written];
}
