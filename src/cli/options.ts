// Parsers for numeric CLI options: a bad value is a UserError naming the option.

import { UserError } from './errors.js';

export function integerOption(name: string, min: number, max: number): (text: string) => number {
  return (text: string) => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new UserError(`${name} must be an integer from ${min} to ${max}, not "${text}"`);
    }
    return value;
  };
}

/** --reward: paper (the paper's RLVR reward) or strict (with the differential tier). */
export function parseRewardKind(text: string): 'paper' | 'strict' {
  if (text !== 'paper' && text !== 'strict') throw new UserError(`--reward must be paper or strict, not "${text}"`);
  return text;
}

export const MAX_SEED = 0xffffffff;
export const parseSeed = integerOption('--seed', 0, MAX_SEED);
