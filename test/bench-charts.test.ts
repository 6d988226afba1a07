import { describe, expect, it } from 'vitest';
import { barChart, heatMap, lineChart } from '../src/bench/charts.js';

/** A tiny XML check: tags balance and nest, attributes are quoted, text holds no raw < or stray &. */
function wellFormedProblems(svg: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const match of svg.matchAll(tag)) {
    const between = svg.slice(last, match.index);
    if (/[<>]/.test(between)) problems.push(`raw < or > in text near ${JSON.stringify(between.slice(0, 40))}`);
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(between)) problems.push(`stray & in ${JSON.stringify(between.slice(0, 40))}`);
    last = match.index! + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (/\S/.test(svg.slice(last))) problems.push('text after the root');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  const opens = (svg.match(/<[A-Za-z]/g) ?? []).length;
  const closes = (svg.match(/<\/[A-Za-z]/g) ?? []).length + (svg.match(/\/>/g) ?? []).length;
  if (opens !== closes) problems.push(`${opens} opening tags, ${closes} closing`);
  return problems;
}

interface Box { x: number; y: number; width: number; height: number; fill: string }

function rects(svg: string, className: string): Box[] {
  const pattern = new RegExp(`<rect class="${className}" x="([-\\d.]+)" y="([-\\d.]+)" width="([-\\d.]+)" height="([-\\d.]+)" fill="(#[0-9a-f]{6})"`, 'g');
  return [...svg.matchAll(pattern)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), fill: m[5]! }));
}

function texts(svg: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>([^<]*)`, 'g'))].map((m) => m[1]!);
}

const HOSTILE = `<script>alert("x")</script> & 'q'`;

const speed = {
  title: 'MCTS simulations/s',
  categories: ['tic_tac_toe', 'connect_four', 'kuhn_poker'],
  series: [
    { name: 'TS native', values: [592_431, 120_000, 9_512] },
    { name: 'Python', values: [4_100, null, 1_234_567] },
  ],
  unit: 'simulations/s',
  logScale: true,
};

const passRates = {
  title: 'Pass rate per tier',
  rows: ['tic_tac_toe', 'kuhn_poker'],
  columns: ['static', 'dynamics', 'information'],
  values: [
    [1, 0.73, null],
    [0, 0.5, 0.25],
  ],
};

const curves = {
  title: 'Score vs LLM calls',
  xLabel: 'LLM calls',
  yLabel: 'eval score',
  series: [
    { name: 'TypeScript', points: [[1, 0.4], [2, 0.4], [3, 0.9]] as Array<[number, number]> },
    { name: 'Python', points: [[1, 0.1], [3, 0.5]] as Array<[number, number]> },
  ],
  yRange: [0, 1] as [number, number],
};

const all = () => [barChart(speed), barChart({ ...speed, logScale: false }), heatMap(passRates), lineChart(curves)];

describe('bench charts', () => {
  it('are well-formed standalone SVG documents for light mode', () => {
    for (const svg of all()) {
      expect(wellFormedProblems(svg)).toEqual([]);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+(\.\d+)?" height="\d+(\.\d+)?" viewBox="0 0 [\d.]+ [\d.]+" font-family="sans-serif"/);
      expect(svg).toMatch(/<title>[^<]+<\/title>/);
      expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
      // The heading and labels are dark on the white background.
      expect(svg).toMatch(/<text x="16" y="26" font-size="16" font-weight="bold" fill="#222222">/);
    }
  });

  it('rounds every number in the SVG to at most 2 decimals', () => {
    for (const svg of all()) {
      const numbers = [...svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"%]+)"/g)].map((m) => m[1]!);
      const points = [...svg.matchAll(/points="([^"]+)"/g)].flatMap((m) => m[1]!.split(/[ ,]/));
      expect(numbers.length).toBeGreaterThan(10);
      for (const value of [...numbers, ...points]) expect(value).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });

  it('escapes every caller text', () => {
    const svgs = [
      barChart({ title: HOSTILE, categories: [HOSTILE], series: [{ name: HOSTILE, values: [5] }], unit: HOSTILE }),
      heatMap({ title: HOSTILE, rows: [HOSTILE], columns: [HOSTILE], values: [[0.5]], format: () => HOSTILE }),
      lineChart({ title: HOSTILE, xLabel: HOSTILE, yLabel: HOSTILE, series: [{ name: HOSTILE, points: [[0, 1]] }] }),
    ];
    for (const svg of svgs) {
      expect(wellFormedProblems(svg)).toEqual([]);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain(`"x"`);
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    }
  });

  it('draws one bar per non-null value and n/a for nulls, with the value at the end of each bar', () => {
    const svg = barChart(speed);
    const bars = rects(svg, 'bar');
    expect(bars).toHaveLength(5);
    expect(texts(svg, 'value')).toEqual(['592k', '4.1k', '120k', 'n/a', '9.5k', '1.2M']);
    // Bars of one series share its colour; the two series differ.
    expect(new Set(bars.map((b) => b.fill)).size).toBe(2);
    expect(texts(svg, 'category')).toEqual(speed.categories);
    expect(texts(svg, 'legend')).toEqual(['TS native', 'Python']);
    expect(texts(svg, 'axis-label')).toEqual(['simulations/s (log scale)']);
  });

  it('puts log-scale ticks at powers of ten and makes a 10x value one decade longer', () => {
    const values = [1_000, 10_000, 100_000, 592_000, 3_000];
    const svg = barChart({ title: 't', categories: values.map((_, i) => `g${i}`), series: [{ name: 's', values }], unit: 'simulations/s', logScale: true });
    expect(texts(svg, 'tick')).toEqual(['100', '1k', '10k', '100k', '1M']);
    const widths = rects(svg, 'bar').map((b) => b.width);
    const order = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
    expect(order(widths)).toEqual(order(values));
    const ticks = [...svg.matchAll(/<text class="tick" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    const decade = ticks[1]! - ticks[0]!;
    expect(decade).toBeGreaterThan(100);
    expect(widths[1]! - widths[0]!).toBeCloseTo(decade, 1);
    expect(widths[2]! - widths[1]!).toBeCloseTo(decade, 1);
    // The axis starts at the power of ten below the minimum, so even 1k has a bar one decade long.
    expect(widths[0]).toBeCloseTo(decade, 1);
  });

  it('scales linear bars from zero', () => {
    const svg = barChart({ title: 't', categories: ['a', 'b'], series: [{ name: 's', values: [2.5, 5] }], unit: 'ms' });
    const [a, b] = rects(svg, 'bar');
    expect(b!.width).toBeCloseTo(2 * a!.width, 1);
    expect(a!.x).toBe(b!.x);
    expect(texts(svg, 'tick')[0]).toBe('0');
    expect(texts(svg, 'value')).toEqual(['2.5', '5']);
  });

  it('stays legible with 30 games × 4 series: bars do not overlap and the chart grows', () => {
    const categories = Array.from({ length: 30 }, (_, i) => `game_number_${i}`);
    const series = Array.from({ length: 4 }, (_, s) => ({ name: `series ${s}`, values: categories.map((_, c) => 1000 * (c + 1) * (s + 1)) }));
    const svg = barChart({ title: 'big', categories, series, unit: 'simulations/s', logScale: true });
    expect(wellFormedProblems(svg)).toEqual([]);
    const bars = rects(svg, 'bar').sort((p, q) => p.y - q.y);
    expect(bars).toHaveLength(120);
    for (const bar of bars) expect(bar.height).toBeGreaterThanOrEqual(12);
    for (let i = 1; i < bars.length; i += 1) expect(bars[i]!.y).toBeGreaterThanOrEqual(bars[i - 1]!.y + bars[i - 1]!.height);
    const height = (doc: string) => Number(/height="([\d.]+)"/.exec(doc)![1]);
    const small = barChart({ title: 'small', categories: categories.slice(0, 3), series: series.slice(0, 1), unit: 'simulations/s', logScale: true });
    expect(height(svg)).toBeGreaterThan(height(small) * 10);
    // The category labels are spaced at least one group (4 bars) apart.
    const labelYs = [...svg.matchAll(/<text class="category" x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    for (let i = 1; i < labelYs.length; i += 1) expect(labelYs[i]! - labelYs[i - 1]!).toBeGreaterThan(4 * 14);
  });

  it('cycles a palette of 8 distinct colours', () => {
    const series = Array.from({ length: 9 }, (_, s) => ({ name: `s${s}`, values: [s + 1] }));
    const fills = rects(barChart({ title: 't', categories: ['g'], series, unit: 'u' }), 'bar').map((b) => b.fill);
    expect(new Set(fills.slice(0, 8)).size).toBe(8);
    expect(fills[8]).toBe(fills[0]);
  });

  it('colours heat-map cells on a scale, prints percentages and greys out nulls', () => {
    const svg = heatMap(passRates);
    const cells = rects(svg, 'cell');
    expect(cells).toHaveLength(6);
    const [one, , none, zero, half] = cells;
    expect(one!.fill).not.toBe(zero!.fill);
    expect(half!.fill).not.toBe(one!.fill);
    expect(half!.fill).not.toBe(zero!.fill);
    expect(none!.fill).toBe('#cccccc');
    expect(texts(svg, 'value')).toEqual(['100%', '73%', 'n/a', '0%', '50%', '25%']);
    expect(texts(svg, 'row')).toEqual(passRates.rows);
    expect(texts(svg, 'column')).toEqual(passRates.columns);
    // Rows run down, columns across.
    expect(cells[1]!.x).toBeGreaterThan(cells[0]!.x);
    expect(cells[3]!.y).toBeGreaterThan(cells[0]!.y);
  });

  it('uses the caller min, max and format', () => {
    const svg = heatMap({ ...passRates, values: [[10, 5, 0], [null, 10, 0]], min: 0, max: 10, format: (v) => `${v} pts` });
    const cells = rects(svg, 'cell');
    expect(cells[0]!.fill).toBe(rects(heatMap(passRates), 'cell')[0]!.fill); // 10 of 10 is the top colour, like 1 of 1
    expect(cells[2]!.fill).toBe(rects(heatMap(passRates), 'cell')[3]!.fill);
    expect(texts(svg, 'value')).toEqual(['10 pts', '5 pts', '0 pts', 'n/a', '10 pts', '0 pts']);
  });

  it('draws one polyline and one marker per point for each series, within the y range', () => {
    const svg = lineChart(curves);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(texts(svg, 'legend')).toEqual(['TypeScript', 'Python']);
    expect(texts(svg, 'axis-label')).toEqual(['LLM calls', 'eval score']);
    const ticks = texts(svg, 'tick');
    expect(ticks).toEqual(['1', '2', '3', '0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    const ys = [...svg.matchAll(/<circle class="point" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => Number(m[2]));
    // 0.9 is higher up (smaller y) than 0.4, and 0.4 twice lies on one level.
    expect(ys[0]).toBe(ys[1]);
    expect(ys[2]).toBeLessThan(ys[0]!);
    const yTicks = [...svg.matchAll(/<text class="tick" x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)/g)].filter((m) => m[2] === '0.0' || m[2] === '1.0').map((m) => Number(m[1]));
    for (const y of ys) {
      expect(y).toBeLessThanOrEqual(Math.max(...yTicks));
      expect(y).toBeGreaterThanOrEqual(Math.min(...yTicks));
    }
  });

  it('takes the y range from the data when none is given', () => {
    const svg = lineChart({ ...curves, yRange: undefined, series: [{ name: 'a', points: [[0, 120], [10, 480]] }] });
    const ticks = texts(svg, 'tick').map(Number);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(120);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(480);
    expect(Math.max(...ticks)).toBeLessThan(1000);
  });

  it('is deterministic', () => {
    expect(all()).toEqual(all());
    expect(barChart(speed)).not.toBe(barChart({ ...speed, series: speed.series.slice(0, 1) }));
  });
});
