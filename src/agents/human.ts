// A person at the terminal: sees only their own observation, picks from the
// numbered legal actions by number or by action string; bad input re-prompts.

import { createInterface, type Interface } from 'node:readline';
import type { Agent, DecisionContext } from '../engine/agent.js';
import type { Action } from '../engine/contract.js';
import { seatName } from './seat-name.js';

export interface HumanAgentOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  render(observation: unknown, player: number): string;
  playerName(player: number): string;
}

export class InputEndedError extends Error {}

/** One readline over the input for the whole session, with buffered lines. */
export class LineReader {
  private readonly lines: string[] = [];
  private readonly waiters: Array<(line: string | null) => void> = [];
  private closed = false;
  private readonly rl: Interface;

  constructor(input: NodeJS.ReadableStream) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (line) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(line);
      else this.lines.push(line);
    });
    this.rl.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiters.splice(0)) waiter(null);
    });
  }

  next(): Promise<string | null> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.rl.close();
  }
}

export class HumanAgent implements Agent {
  readonly name = 'human';
  readonly usesHistory = true;
  private readonly reader: LineReader;

  constructor(private readonly options: HumanAgentOptions, reader?: LineReader) {
    this.reader = reader ?? new LineReader(options.input);
  }

  async act(context: DecisionContext): Promise<Action> {
    const { output } = this.options;
    output.write(`\n${this.options.render(context.observation, context.player)}\n`);
    output.write(`${seatName(this.options.playerName(context.player), context.player)}, your move:\n`);
    context.legalActions.forEach((action, i) => output.write(`  ${String(i + 1).padStart(3)}. ${action}\n`));
    for (;;) {
      output.write('> ');
      const line = await this.reader.next();
      if (line === null) throw new InputEndedError('input ended before the game did');
      const choice = resolveChoice(line.trim(), context.legalActions);
      if (choice !== null) return choice;
      output.write(`"${line.trim()}" is not one of the moves above; type its number (1-${context.legalActions.length}) or the action itself\n`);
    }
  }

  close(): void {
    this.reader.close();
  }
}

/** A legal action from a typed action string or, failing that, its 1-based number; else null. */
export function resolveChoice(text: string, legalActions: Action[]): Action | null {
  if (legalActions.includes(text)) return text;
  if (/^\d+$/.test(text)) {
    const index = Number(text) - 1;
    return index >= 0 && index < legalActions.length ? legalActions[index] : null;
  }
  return null;
}
