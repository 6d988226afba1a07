// Writes a benchmark report (DIR/<suite>.json, DIR/<suite>.md, one SVG per
// chart) and prints it: the tables for people, the JSON for machines. Each
// file is written atomically; the JSON goes last, so its presence means the
// whole report is there.

import { join } from 'node:path';
import { formatTable } from '../cli/table.js';
import { writeFileAtomic } from '../files.js';
import { machineLine } from './machine.js';
import { chartFile, renderMarkdown } from './markdown.js';
import type { BenchReport, Cell } from './report.js';

export interface WrittenReport {
  json: string;
  markdown: string;
  charts: string[];
}

/** The report as JSON: charts are named by file, not embedded. */
export function reportJson(report: BenchReport): Record<string, unknown> {
  return { ...report, charts: report.charts.map((chart) => ({ id: chart.id, title: chart.title, file: chartFile(report, chart.id) })) };
}

export function writeBenchReport(dir: string, report: BenchReport): WrittenReport {
  const charts = report.charts.map((chart) => {
    const path = join(dir, chartFile(report, chart.id));
    writeFileAtomic(path, chart.svg);
    return path;
  });
  const markdown = join(dir, `${report.suite}.md`);
  writeFileAtomic(markdown, renderMarkdown(report));
  const json = join(dir, `${report.suite}.json`);
  writeFileAtomic(json, `${JSON.stringify(reportJson(report), null, 2)}\n`);
  return { json, markdown, charts };
}

export function formatBenchReport(report: BenchReport, written?: WrittenReport): string {
  const text = (value: Cell) => (value === null ? 'n/a' : value);
  const lines = [report.title, machineLine(report.machine), ''];
  for (const table of report.tables) {
    lines.push(table.title, '', formatTable(table.columns, table.rows.map((row) => row.map(text))), '');
  }
  for (const note of report.notes) lines.push(`- ${note}`);
  if (report.notes.length > 0) lines.push('');
  if (written) lines.push(`written: ${[written.json, written.markdown, ...written.charts].join(', ')}`);
  return lines.join('\n');
}

export function printBenchReport(report: BenchReport, written: WrittenReport | undefined, json: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify({ ...reportJson(report), ...(written ? { files: written } : {}) }, null, 2)}\n`);
  else process.stdout.write(`${formatBenchReport(report, written)}\n`);
}
