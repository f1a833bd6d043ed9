// The thread that builds the report's overview, lists and speaker pages while the main thread commits the dataset: `ReportBuild` in write-report.ts starts it.
//
// Started while the last documents are processed, it loads and waits. Once documents.jsonl is
// complete the main thread says where the dataset is and hands it the linked speakers and their
// names, whose pages are written first; then it posts the quotes.jsonl lines as it writes them. The pages go
// into the report's temporary folder; their sha256s go back to the main thread for the manifest.
import { parentPort, workerData } from 'node:worker_threads';
import type { QuoteRecord } from '../records.ts';
import { ReportWriter, type FromBuild, type ToBuild } from './write-report.ts';

const { out } = workerData as { out: string };
const port = parentPort!;

type Start = Extract<ToBuild, { type: 'start' }>;
const chunks: string[] = [];
let ended = false;
let wake: (() => void) | undefined;
let start: (message: Start) => void;
const started = new Promise<Start>((resolve) => (start = resolve));
port.on('message', (message: ToBuild) => {
  if (message.type === 'start') start(message);
  else if (message.type === 'quotes') chunks.push(message.chunk);
  else ended = true;
  wake?.();
});

/** The quote records of the chunks as they arrive, until the main thread says there are no more. */
async function* quotes(): AsyncGenerator<QuoteRecord> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk === undefined) {
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    for (const line of chunk.split('\n')) if (line !== '') yield JSON.parse(line) as QuoteRecord;
    port.postMessage({ type: 'taken' } satisfies FromBuild);
  }
}

try {
  const report = ReportWriter.attach(out);
  const { dataset, speakers, names } = await started;
  await report.build(dataset, names, { quotes: quotes(), speakers });
  port.postMessage({ type: 'done', digests: report.digests() } satisfies FromBuild);
} catch (error) {
  port.postMessage({ type: 'failed', error: error as Error } satisfies FromBuild);
}
