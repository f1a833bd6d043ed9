// The thread that builds the report's overview, lists and speaker pages while the main thread commits the dataset: `ReportBuild` in write-report.ts starts it.
//
// Started while the last documents are processed, it loads and waits; the main thread says where the
// dataset is once documents.jsonl is complete, posts the quotes.jsonl lines as it writes them, then
// the speakers' names once speakers.jsonl is written. The pages go
// into the report's temporary folder; their sha256s go back to the main thread for the manifest.
import { parentPort, workerData } from 'node:worker_threads';
import type { QuoteRecord } from '../records.ts';
import type { SpeakerName } from '../speakers.ts';
import { ReportWriter, type FromBuild, type ToBuild } from './write-report.ts';

const { out } = workerData as { out: string };
const port = parentPort!;

const chunks: string[] = [];
let names: SpeakerName[] | undefined;
let wake: (() => void) | undefined;
let start: (message: { dataset: string; speakers: number }) => void;
const started = new Promise<{ dataset: string; speakers: number }>((resolve) => (start = resolve));
port.on('message', (message: ToBuild) => {
  if (message.type === 'start') start(message);
  else if (message.type === 'quotes') chunks.push(message.chunk);
  else names = message.names;
  wake?.();
});

/** The quote records of the chunks as they arrive, until the main thread says there are no more. */
async function* quotes(): AsyncGenerator<QuoteRecord> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk === undefined) {
      if (names !== undefined) return;
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    for (const line of chunk.split('\n')) if (line !== '') yield JSON.parse(line) as QuoteRecord;
    port.postMessage({ type: 'taken' } satisfies FromBuild);
  }
}

try {
  const report = ReportWriter.attach(out);
  const { dataset, speakers } = await started;
  // names are asked for only after the last quote, when they have come
  await report.build(dataset, async () => names!, { quotes: quotes(), speakers });
  port.postMessage({ type: 'done', digests: report.digests() } satisfies FromBuild);
} catch (error) {
  port.postMessage({ type: 'failed', error: error as Error } satisfies FromBuild);
}
