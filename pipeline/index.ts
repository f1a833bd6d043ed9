// The library API: annotate a text, run a corpus, evaluate a dataset. The CLI is a thin layer over these.
export { annotate, stages, type AnnotateOptions, type Stage } from './annotate.ts';
export { runCorpus, type RunOptions, type RunSummary } from './run-corpus.ts';
export { processDocument } from './process-document.ts';
export { quoteRecords, documentRecord, formatMessages, type QuoteRecord, type DocumentRecord } from './records.ts';
export { SpeakerIndex, type SpeakerRecord } from './speakers.ts';
export { evaluate, formatReport, polnearCounts, readJsonl, type GoldDoc, type GoldQuote, type EvaluationReport } from './evaluate.ts';
export { loadLexicon, buildLexicon, isSpeechOrWritingCue, type Lexicon } from './lexicon.ts';
export type * from './document.ts';
