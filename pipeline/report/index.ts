// The HTML report: `ReportWriter` in a run (output/report/), `renderDocument` in its workers, `writeErrorReport` for `quotes eval --report <dir>`.
export { ReportWriter, readJsonLines } from './write-report.ts';
export { renderDocument, type DocumentPage } from './render-document.ts';
export { writeErrorReport, type WriteErrorReportOptions } from './write-error-report.ts';
export { escapeHtml, CSP } from './html.ts';
export { markUp, type Mark } from './mark-up.ts';
export { documentPath, namePath, speakerPath, speakerPageCount, quoteAnchor } from './paths.ts';
