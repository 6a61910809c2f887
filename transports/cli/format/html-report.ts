import { closeSync } from 'node:fs';
import { readFdChunks } from '../../../core/analysis/log-stream-analysis.js';
import { openRegularFileSync } from '../../../core/io/regular-file.js';
import { refuseOtherFileEncoding } from '../../../core/io/text-encoding.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import type { LogAnalysis } from '../../../core/model/log-analysis.js';
import type { Snapshot } from '../../../core/model/snapshot.js';

/** `diagnose --format html`: the dashboard's cluster and node pages in one file (loaded only when asked). */
export async function diagnosisHtml(diagnosis: Diagnosis, snapshot: Snapshot): Promise<string> {
  const { diagnosisReportData } = await import('../../../core/reports/dashboard/report-data.js');
  const { htmlReport } = await import('../../../core/reports/html-page.js');
  return htmlReport(`PTP diagnosis · ${diagnosis.meta.cluster}`, diagnosisReportData(diagnosis, snapshot));
}

/**
 * `logs analyze --format html`: a file (or stdin's chunks) analyzed in one pass that keeps offset samples
 * to plot, and the page; the analysis is returned too, for the command's warnings.
 */
export async function logHtml(
  input: string | AsyncIterable<Uint8Array>,
  source: string,
  year: number | undefined,
): Promise<{ analysis: LogAnalysis; html: string }> {
  const { analyzeLogStream } = await import('../../../core/analysis/log-analyzer.js');
  const { LOG_PLOT_SAMPLES, logView } = await import('../../../core/reports/dashboard/log-view.js');
  const { htmlReport } = await import('../../../core/reports/html-page.js');
  const options = { year, maxSamples: LOG_PLOT_SAMPLES };
  let file: number | undefined;
  try {
    let chunks: AsyncIterable<Uint8Array>;
    if (typeof input === 'string') {
      file = openRegularFileSync(input).fd;
      refuseOtherFileEncoding(file, input);
      chunks = readFdChunks(file);
    } else chunks = input;
    const { analysis, analyzer } = await analyzeLogStream(chunks, options);
    return { analysis, html: htmlReport(`PTP log · ${source}`, logView(analysis, analyzer, source)) };
  } finally {
    if (file !== undefined) closeSync(file);
  }
}
