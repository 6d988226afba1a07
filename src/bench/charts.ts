// Benchmark charts as standalone SVG documents, written as plain strings so
// the bench suites need no plotting dependency and the files render on GitHub
// as they are: grouped horizontal bars (speed, linear or log10), a heat map
// (pass rate per game and tier) and line charts (score vs LLM calls). Every
// caller text is XML-escaped, every coordinate rounded to 2 decimals, and the
// output depends only on the input (no random ids), so charts diff cleanly.

export interface BarSeries {
  name: string;
  values: Array<number | null>;
}

export interface LineSeries {
  name: string;
  points: Array<[number, number]>;
}

/** Eight colours that stay apart on white (the first eight of Tableau 10); cycled. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#9c755f'];
const TEXT = '#222222';
const MUTED = '#666666';
const GRID = '#e3e3e3';
const NULL_FILL = '#cccccc';
const BAND = '#f6f6f6';
/** A rough width of one character at font-size 12, to lay out labels without measuring text. */
const CHAR_WIDTH = 7;
const MAX_LABEL_CHARS = 40;
const WIDTH = 820;

const colour = (index: number) => PALETTE[index % PALETTE.length]!;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A coordinate: at most 2 decimals, never "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** 592k, 9.5k, 1.2M, 12, 3.5, 0.73: short enough to print at the end of a bar. */
function compact(value: number): string {
  const sign = value < 0 ? '-' : '';
  let abs = Math.abs(value);
  if (abs < 1) return abs === 0 ? '0' : sign + String(Number(abs.toPrecision(2)));
  const suffixes = ['', 'k', 'M', 'G', 'T', 'P'];
  let tier = 0;
  while (tier < suffixes.length - 1 && round(abs, 1) >= 1000) {
    abs /= 1000;
    tier += 1;
  }
  return sign + String(round(abs, 1)) + suffixes[tier];
}

/** Rounds like compact prints: one decimal below 10, whole numbers above. */
function round(value: number, decimalsBelowTen: number): number {
  const factor = value < 9.95 ? 10 ** decimalsBelowTen : 1;
  return Math.round(value * factor) / factor;
}

/** Long labels are cut (the full text stays in a tooltip). */
function label(text: string): { shown: string; tooltip: string } {
  const shown = text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
  return { shown: esc(shown), tooltip: shown === text ? '' : `<title>${esc(text)}</title>` };
}

function textWidth(text: string): number {
  return Math.min(text.length, MAX_LABEL_CHARS) * CHAR_WIDTH;
}

interface TextOptions {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  fill?: string;
  weight?: 'bold';
  /** Vertically centred on y. */
  middle?: boolean;
  className?: string;
  transform?: string;
}

/** A text element; `content` must already be escaped. */
function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const attributes = [
    options.className ? `class="${options.className}"` : '',
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    options.middle ? 'dy="0.35em"' : '',
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.size ? `font-size="${options.size}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    `fill="${options.fill ?? TEXT}"`,
    options.transform ? `transform="${options.transform}"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${content}</text>`;
}

function rect(x: number, y: number, width: number, height: number, fill: string, className?: string): string {
  const cls = className ? `class="${className}" ` : '';
  return `<rect ${cls}x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(Math.max(0, height))}" fill="${fill}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="1"/>`;
}

function svgDocument(title: string, width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(16, 26, esc(title), { size: 16, weight: 'bold' }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** Colour swatches with names, flowing left to right and wrapping; returns the elements and the height used. */
function legend(names: string[], x0: number, y0: number, maxX: number): { svg: string[]; height: number } {
  const svg: string[] = [];
  let x = x0;
  let y = y0;
  names.forEach((name, index) => {
    const width = 18 + textWidth(name) + 18;
    if (x > x0 && x + width > maxX) {
      x = x0;
      y += 20;
    }
    const { shown, tooltip } = label(name);
    svg.push(rect(x, y, 12, 12, colour(index), 'swatch'), text(x + 18, y + 6, shown + tooltip, { middle: true, className: 'legend' }));
    x += width;
  });
  return { svg, height: names.length === 0 ? 0 : y - y0 + 20 };
}

interface Scale {
  lo: number;
  hi: number;
  ticks: number[];
}

/** Ticks at 1, 2 or 5 × 10^k, about `count` of them, the domain widened to whole steps. */
function niceScale(min: number, max: number, count = 6, integer = false): Scale {
  let lo = min;
  let hi = max;
  if (!(hi > lo)) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const step = integer ? Math.max(1, nice) : nice;
  const start = Math.floor(lo / step + 1e-9) * step;
  const end = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-9; i += 1) ticks.push(Number((start + i * step).toPrecision(12)));
  return { lo: start, hi: end, ticks };
}

/** Tick labels with as many decimals as the step needs, compact once they get long. */
function tickFormat(ticks: number[]): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const largest = Math.max(...ticks.map(Math.abs));
  if (largest >= 10_000) return compact;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return (value) => value.toFixed(decimals);
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Horizontal grouped bars: one group per category, one bar per series. With
 * `logScale` the axis is log10 with ticks at powers of ten and bars start at
 * the power of ten strictly below the smallest value; values ≤ 0 then get no
 * bar.
 * Null (or non-finite) values draw no bar and say "n/a".
 */
export function barChart(spec: { title: string; categories: string[]; series: BarSeries[]; unit: string; logScale?: boolean }): string {
  const { categories, series } = spec;
  const values = series.flatMap((s) => s.values.slice(0, categories.length)).filter(finite);
  const log = spec.logScale === true;

  const labelWidth = Math.max(40, ...categories.map(textWidth));
  const left = 16 + labelWidth + 10;
  const right = WIDTH - 64;
  const legendBox = legend(series.map((s) => s.name), left, 42, right);
  const top = 42 + legendBox.height + 10;

  const barHeight = 14;
  const barGap = 2;
  const groupGap = 12;
  const groupHeight = Math.max(1, series.length) * (barHeight + barGap) - barGap + groupGap;
  const plotHeight = Math.max(1, categories.length) * groupHeight;
  const height = top + plotHeight + 56;

  let ticks: number[];
  let format: (value: number) => string;
  let position: (value: number) => number;
  if (log) {
    const positive = values.filter((v) => v > 0);
    // The axis starts a power of ten strictly below the smallest value, so every bar has a length.
    let lowPower = positive.length > 0 ? Math.ceil(Math.log10(Math.min(...positive))) - 1 : 0;
    let highPower = positive.length > 0 ? Math.ceil(Math.log10(Math.max(...positive))) : 1;
    if (highPower <= lowPower) highPower = lowPower + 1;
    if (highPower - lowPower > 30) lowPower = highPower - 30;
    ticks = Array.from({ length: highPower - lowPower + 1 }, (_, i) => 10 ** (lowPower + i));
    format = compact;
    position = (value) => left + ((Math.log10(value) - lowPower) / (highPower - lowPower)) * (right - left);
  } else {
    const scale = values.length > 0 ? niceScale(Math.min(0, ...values), Math.max(0, ...values)) : niceScale(0, 1);
    ticks = scale.ticks;
    format = tickFormat(ticks);
    position = (value) => left + ((value - scale.lo) / (scale.hi - scale.lo)) * (right - left);
  }
  const base = log ? left : position(0);
  const bottom = top + plotHeight;

  const body: string[] = [...legendBox.svg];
  categories.forEach((_, c) => {
    if (c % 2 === 1) body.push(rect(left - labelWidth - 10, top + c * groupHeight - groupGap / 2, right - left + labelWidth + 10, groupHeight, BAND, 'band'));
  });
  for (const tick of ticks) {
    const x = position(tick);
    body.push(line(x, top - groupGap / 2, x, bottom, GRID), line(x, bottom, x, bottom + 5, MUTED), text(x, bottom + 18, esc(format(tick)), { anchor: 'middle', fill: MUTED, className: 'tick' }));
  }
  body.push(line(left, bottom, right, bottom, MUTED));
  body.push(text((left + right) / 2, bottom + 40, esc(log ? `${spec.unit} (log scale)` : spec.unit), { anchor: 'middle', className: 'axis-label' }));

  categories.forEach((category, c) => {
    const groupTop = top + c * groupHeight;
    const { shown, tooltip } = label(category);
    body.push(text(left - 10, groupTop + (groupHeight - groupGap) / 2, shown + tooltip, { anchor: 'end', middle: true, className: 'category' }));
    series.forEach((s, i) => {
      const y = groupTop + i * (barHeight + barGap);
      const value = s.values[c];
      if (!finite(value)) {
        body.push(text(base + 4, y + barHeight / 2, 'n/a', { middle: true, fill: MUTED, size: 11, className: 'value' }));
        return;
      }
      if (log && value <= 0) {
        body.push(text(base + 4, y + barHeight / 2, esc(compact(value)), { middle: true, fill: MUTED, size: 11, className: 'value' }));
        return;
      }
      const end = log ? Math.max(base, position(value)) : position(value); // below a clamped log axis: no length
      const x = Math.min(base, end);
      body.push(`${rect(x, y, Math.abs(end - base), barHeight, colour(i), 'bar').slice(0, -2)}><title>${esc(`${s.name}: ${compact(value)} ${spec.unit}`)}</title></rect>`);
      const after = value < 0 ? x - 4 : Math.max(base, end) + 4;
      body.push(text(after, y + barHeight / 2, esc(compact(value)), { middle: true, size: 11, anchor: value < 0 ? 'end' : 'start', className: 'value' }));
    });
  });
  return svgDocument(spec.title, WIDTH, height, body);
}

/** Red (low) through yellow to green (high), for t in 0..1. */
function heatColour(t: number): string {
  const stops: Array<[number, number, number]> = [
    [0xd7, 0x30, 0x27],
    [0xfe, 0xe0, 0x8b],
    [0x1a, 0x98, 0x50],
  ];
  const scaled = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const [a, b] = [stops[i]!, stops[i + 1]!];
  return `#${a.map((channel, k) => Math.round(channel + (b[k]! - channel) * f).toString(16).padStart(2, '0')).join('')}`;
}

/** Dark text on light cells, white on dark ones. */
function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 ? TEXT : '#ffffff';
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * A rows × columns grid, each cell coloured on a red→yellow→green scale from
 * `min` (default 0) to `max` (default 1) with its value printed (default as a
 * percentage); null cells are grey and say "n/a".
 */
export function heatMap(spec: { title: string; rows: string[]; columns: string[]; values: Array<Array<number | null>>; min?: number; max?: number; format?: (v: number) => string }): string {
  const min = spec.min ?? 0;
  const max = spec.max ?? 1;
  const format = spec.format ?? percent;
  const labelWidth = Math.max(40, ...spec.rows.map(textWidth));
  const cellWidth = Math.max(64, ...spec.columns.map((column) => textWidth(column) + 12));
  const cellHeight = 26;
  const left = 16 + labelWidth + 10;
  const top = 70;
  const gridWidth = spec.columns.length * cellWidth;
  const gridHeight = spec.rows.length * cellHeight;
  const scaleTop = top + gridHeight + 20;
  const width = Math.max(left + gridWidth + 16, 16 + textWidth(spec.title) * 1.4, 360);
  const height = scaleTop + 44;

  const body: string[] = [];
  spec.columns.forEach((column, c) => {
    const { shown, tooltip } = label(column);
    body.push(text(left + c * cellWidth + cellWidth / 2, top - 10, shown + tooltip, { anchor: 'middle', weight: 'bold', className: 'column' }));
  });
  spec.rows.forEach((row, r) => {
    const y = top + r * cellHeight;
    const { shown, tooltip } = label(row);
    body.push(text(left - 10, y + cellHeight / 2, shown + tooltip, { anchor: 'end', middle: true, className: 'row' }));
    spec.columns.forEach((_, c) => {
      const x = left + c * cellWidth;
      const value = spec.values[r]?.[c];
      const fill = finite(value) ? heatColour(max > min ? (value - min) / (max - min) : value >= max ? 1 : 0) : NULL_FILL;
      body.push(`<rect class="cell" x="${n(x)}" y="${n(y)}" width="${n(cellWidth)}" height="${n(cellHeight)}" fill="${fill}" stroke="#ffffff" stroke-width="2"/>`);
      body.push(text(x + cellWidth / 2, y + cellHeight / 2, finite(value) ? esc(format(value)) : 'n/a', { anchor: 'middle', middle: true, fill: finite(value) ? textOn(fill) : MUTED, className: 'value' }));
    });
  });

  // The colour scale: 20 steps from min to max, labelled at both ends.
  const steps = 20;
  const stepWidth = 8;
  for (let i = 0; i < steps; i += 1) body.push(rect(left + i * stepWidth, scaleTop, stepWidth, 12, heatColour(i / (steps - 1)), 'scale'));
  body.push(
    text(left, scaleTop + 28, esc(format(min)), { fill: MUTED, className: 'scale-label' }),
    text(left + steps * stepWidth, scaleTop + 28, esc(format(max)), { anchor: 'end', fill: MUTED, className: 'scale-label' }),
    rect(left + steps * stepWidth + 20, scaleTop, 12, 12, NULL_FILL, 'scale'),
    text(left + steps * stepWidth + 38, scaleTop + 6, 'n/a', { middle: true, fill: MUTED, className: 'scale-label' }),
  );
  return svgDocument(spec.title, width, height, body);
}

/**
 * One polyline with point markers per series over linear x/y axes. The y
 * range is `yRange` when given, otherwise a nice range around the data.
 * Non-finite points are skipped.
 */
export function lineChart(spec: { title: string; xLabel: string; yLabel: string; series: LineSeries[]; yRange?: [number, number] }): string {
  const points = spec.series.map((s) => s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)));
  const all = points.flat();
  const xs = all.map(([x]) => x);
  const ys = all.map(([, y]) => y);
  // Whole-number x (LLM calls, iterations) gets whole-number ticks.
  const xScale = niceScale(xs.length > 0 ? Math.min(...xs) : 0, xs.length > 0 ? Math.max(...xs) : 1, 6, xs.every(Number.isInteger));
  const yScale: Scale = spec.yRange ? yRangeScale(spec.yRange) : niceScale(ys.length > 0 ? Math.min(...ys) : 0, ys.length > 0 ? Math.max(...ys) : 1, 5);

  const left = 76;
  const right = WIDTH - 24;
  const legendBox = legend(spec.series.map((s) => s.name), left, 42, right);
  const top = 42 + legendBox.height + 14;
  const plotHeight = 320;
  const bottom = top + plotHeight;
  const height = bottom + 56;
  const px = (x: number) => left + ((x - xScale.lo) / (xScale.hi - xScale.lo)) * (right - left);
  const py = (y: number) => bottom - ((y - yScale.lo) / (yScale.hi - yScale.lo)) * plotHeight;

  const body: string[] = [...legendBox.svg];
  const xFormat = tickFormat(xScale.ticks);
  for (const tick of xScale.ticks) {
    body.push(line(px(tick), top, px(tick), bottom, GRID), line(px(tick), bottom, px(tick), bottom + 5, MUTED), text(px(tick), bottom + 18, esc(xFormat(tick)), { anchor: 'middle', fill: MUTED, className: 'tick' }));
  }
  const yFormat = tickFormat(yScale.ticks);
  for (const tick of yScale.ticks) {
    body.push(line(left, py(tick), right, py(tick), GRID), line(left - 5, py(tick), left, py(tick), MUTED), text(left - 8, py(tick), esc(yFormat(tick)), { anchor: 'end', middle: true, fill: MUTED, className: 'tick' }));
  }
  body.push(line(left, bottom, right, bottom, MUTED), line(left, top, left, bottom, MUTED));
  body.push(text((left + right) / 2, bottom + 40, esc(spec.xLabel), { anchor: 'middle', className: 'axis-label' }));
  body.push(text(20, (top + bottom) / 2, esc(spec.yLabel), { anchor: 'middle', middle: true, className: 'axis-label', transform: `rotate(-90 20 ${n((top + bottom) / 2)})` }));

  points.forEach((seriesPoints, i) => {
    if (seriesPoints.length === 0) return;
    const fill = colour(i);
    body.push(`<polyline class="series" fill="none" stroke="${fill}" stroke-width="2" stroke-linejoin="round" points="${seriesPoints.map(([x, y]) => `${n(px(x))},${n(py(y))}`).join(' ')}"/>`);
    for (const [x, y] of seriesPoints) {
      body.push(`<circle class="point" cx="${n(px(x))}" cy="${n(py(y))}" r="3" fill="${fill}"><title>${esc(`${spec.series[i]!.name}: (${compact(x)}, ${compact(y)})`)}</title></circle>`);
    }
  });
  return svgDocument(spec.title, WIDTH, height, body);
}

/** The caller's y range exactly, with nice ticks inside it. */
function yRangeScale([lo, hi]: [number, number]): Scale {
  const inner = niceScale(lo, hi, 5);
  const range = hi > lo ? { lo, hi } : { lo: inner.lo, hi: inner.hi };
  return { ...range, ticks: inner.ticks.filter((t) => t >= range.lo - 1e-9 && t <= range.hi + 1e-9) };
}
