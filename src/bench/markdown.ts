// A benchmark report as Markdown: the tables, the charts beside them, and the
// machine, seed and versions they were measured with.

import type { BenchReport, BenchTable, Cell } from './report.js';
import { machineLine } from './machine.js';

export function chartFile(report: Pick<BenchReport, 'suite'>, chartId: string): string {
  return `${report.suite}-${chartId}.svg`;
}

export function markdownTable(table: Pick<BenchTable, 'columns' | 'rows'>): string {
  const cell = (value: Cell) => (value === null ? 'n/a' : String(value)).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const numeric = table.columns.map((_, c) => table.rows.length > 0 && table.rows.every((row) => typeof row[c] === 'number' || row[c] === null));
  return [
    `| ${table.columns.map((h) => cell(h)).join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const lines = [`# ${report.title}`, ''];
  lines.push(`Measured ${report.createdAt} on ${machineLine(report.machine)}; seed ${report.seed}.`);
  lines.push(`Versions: ${Object.entries(report.machine.versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`, '');
  for (const table of report.tables) lines.push(`## ${table.title}`, '', markdownTable(table), '');
  for (const chart of report.charts) lines.push(`![${chart.title}](${chartFile(report, chart.id)})`, '');
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((note) => `- ${note}`), '');
  lines.push(`Settings: \`${JSON.stringify(report.settings)}\``, '');
  return lines.join('\n');
}
