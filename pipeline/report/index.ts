// The HTML report: `writeReport` after a run (output/report/), `writeErrorReport` for `quotes eval --report <dir>`.
export { writeReport, readJsonLines, type WriteReportOptions, type ReportSource } from './write-report.ts';
export { writeErrorReport, type WriteErrorReportOptions } from './write-error-report.ts';
export { escapeHtml, CSP } from './html.ts';
export { markUp, type Mark } from './mark-up.ts';
export { documentPath, speakerPath, speakerPageCount, quoteAnchor } from './paths.ts';
