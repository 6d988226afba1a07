// Text rendering shared by the games' renderers (host side only: the GameCWM
// modules themselves stay free of imports).

/** A grid with column numbers on top and row numbers on the left. */
export function renderGrid(cells: string[][], options: { rowLabels?: string[] } = {}): string {
  const columns = cells[0]?.length ?? 0;
  const header = '   ' + Array.from({ length: columns }, (_, c) => String(c)).join(' ');
  const rows = cells.map((row, r) => `${(options.rowLabels?.[r] ?? String(r)).padStart(2)} ${row.join(' ')}`);
  return [header, ...rows].join('\n');
}

/** Splits a flat row-major array into rows of `width`. */
export function toRows<T>(flat: T[], width: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < flat.length; i += width) rows.push(flat.slice(i, i + width));
  return rows;
}

/** "key: value" lines, for table-like states such as card games. */
export function renderFields(fields: Array<[string, unknown]>): string {
  const width = Math.max(...fields.map(([key]) => key.length));
  return fields
    .map(([key, value]) => `${key.padEnd(width)}  ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}
