// JavaScript regular expression literals as Python `re` patterns, for the
// syntax where both mean the same: literal characters, character classes and
// ranges, \d \w \s \b and their negations, the quantifiers * + ? {n} {n,}
// {n,m} (greedy or lazy), ^ and $, groups, non-capturing groups, lookahead,
// alternation, and the flags g and i. Anything else (backreferences,
// lookbehind, named groups, the m, s, u, y, d and v flags, Annex B leniencies)
// is refused with a reason, never translated to something that matches
// differently. Patterns compile with re.ASCII, so \b follows JavaScript's
// ASCII word characters; the classes JavaScript defines differently from
// Python (., \s, $) are spelled out.

/** A pattern and its flags, ready for `_js_regex(pattern, ignoreCase, global)` in the runtime. */
export interface PythonRegex {
  pattern: string;
  ignoreCase: boolean;
  global: boolean;
}

export class RegexNotPortable extends Error {}

/** JavaScript's \s: the whitespace and line terminators of ECMAScript, as class members. */
const JS_WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CLASS_ESCAPES: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_', s: JS_WHITESPACE };
const CONTROL_ESCAPES: Record<string, string> = { n: '\\n', r: '\\r', t: '\\t', f: '\\f', v: '\\v' };

export function pythonRegex(source: string, flags: string): PythonRegex {
  for (const flag of flags) {
    if (flag !== 'g' && flag !== 'i') throw new RegexNotPortable(`the regular expression flag "${flag}" has no exact Python equivalent here; use only g and i`);
  }
  // Without the u flag JavaScript matches UTF-16 code units, Python code points: they agree below U+10000 only.
  if (/[\ud800-\udfff]|\\u[dD][89a-fA-F]/.test(source)) throw new RegexNotPortable('characters beyond U+FFFF (and surrogate escapes) match differently in Python; keep the pattern to the Basic Multilingual Plane');
  const ignoreCase = flags.includes('i');
  // Case folding beyond ASCII differs between the two engines.
  if (ignoreCase && /[^\x00-\x7f]/.test(source)) throw new RegexNotPortable('a case-insensitive regular expression must be written in ASCII characters');
  return { pattern: new PatternTranslation(source).run(), ignoreCase, global: flags.includes('g') };
}

type Atom = 'none' | 'quantifiable' | 'assertion';

class PatternTranslation {
  private i = 0;
  private out = '';
  /** What the last piece of output was: a quantifier may follow only an atom. */
  private last: Atom = 'none';
  /** Open groups: whether each one is a lookahead (which may not be quantified). */
  private readonly groups: boolean[] = [];

  constructor(private readonly source: string) {}

  run(): string {
    const s = this.source;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') this.escape();
      else if (c === '[') this.characterClass();
      else if (c === '(') this.openGroup();
      else if (c === ')') this.closeGroup();
      else if (c === '|') this.emit('|', 'none', 1);
      else if (c === '^') this.emit('^', 'assertion', 1);
      // JavaScript's $ (without m) is the very end; Python's also matches before a final newline.
      else if (c === '$') this.emit('\\Z', 'assertion', 1);
      else if (c === '.') this.emit('[^\\n\\r\\u2028\\u2029]', 'quantifiable', 1);
      else if (c === '*' || c === '+' || c === '?') this.quantifier(c, 1);
      else if (c === '{') this.braces();
      else this.emit(literal(c), 'quantifiable', 1);
    }
    if (this.groups.length > 0) throw new RegexNotPortable('the regular expression has an unclosed group');
    return this.out;
  }

  private emit(text: string, kind: Atom, length: number): void {
    this.out += text;
    this.last = kind;
    this.i += length;
  }

  private quantifier(text: string, length: number): void {
    if (this.last !== 'quantifiable') throw new RegexNotPortable(`"${this.source.slice(this.i, this.i + length)}" must follow something it repeats`);
    this.out += text;
    this.i += length;
    if (this.source[this.i] === '?') {
      this.out += '?';
      this.i += 1;
    }
    this.last = 'none';
  }

  private braces(): void {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
    if (!match) throw new RegexNotPortable('a literal { must be escaped as \\{ (a bare one means different things in Python)');
    if (match[3] !== undefined && match[3] !== '' && Number(match[3]) < Number(match[1])) throw new RegexNotPortable(`the quantifier ${match[0]} is out of order`);
    this.quantifier(match[0], match[0].length);
  }

  private openGroup(): void {
    const rest = this.source.slice(this.i);
    if (rest.startsWith('(?:')) return this.open('(?:', false, 3);
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) return this.open(rest.slice(0, 3), true, 3);
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) throw new RegexNotPortable('lookbehind is outside the portable subset of regular expressions');
    if (rest.startsWith('(?')) throw new RegexNotPortable('named groups and group modifiers are outside the portable subset of regular expressions; use a plain group');
    this.open('(', false, 1);
  }

  private open(text: string, lookahead: boolean, length: number): void {
    this.groups.push(lookahead);
    this.emit(text, 'none', length);
  }

  private closeGroup(): void {
    const lookahead = this.groups.pop();
    if (lookahead === undefined) throw new RegexNotPortable('the regular expression closes a group it never opened');
    this.emit(')', lookahead ? 'assertion' : 'quantifiable', 1);
  }

  private escape(): void {
    const d = this.source[this.i + 1];
    if (d === undefined) throw new RegexNotPortable('the regular expression ends with a lone backslash');
    const negated = d === 'D' || d === 'W' || d === 'S';
    const members = CLASS_ESCAPES[d.toLowerCase()];
    if (members !== undefined && (negated || CLASS_ESCAPES[d] !== undefined)) return this.emit(`[${negated ? '^' : ''}${members}]`, 'quantifiable', 2);
    if (d === 'b' || d === 'B') return this.emit(`\\${d}`, 'assertion', 2);
    const single = this.singleEscape(this.i);
    this.emit(single.text, 'quantifiable', single.length);
  }

  /** An escape that stands for one character (outside or inside a class), at `at`. */
  private singleEscape(at: number): { text: string; length: number } {
    const d = this.source[at + 1];
    if (CONTROL_ESCAPES[d]) return { text: CONTROL_ESCAPES[d], length: 2 };
    const hex = d === 'x' ? /^[0-9a-fA-F]{2}/.exec(this.source.slice(at + 2)) : d === 'u' ? /^[0-9a-fA-F]{4}/.exec(this.source.slice(at + 2)) : null;
    if (hex) return { text: `\\${d}${hex[0]}`, length: 2 + hex[0].length };
    if (d === '0' && !/[0-9]/.test(this.source[at + 2] ?? '')) return { text: '\\x00', length: 2 };
    if (/[0-9]/.test(d)) throw new RegexNotPortable('backreferences and octal escapes are outside the portable subset of regular expressions');
    if (/[A-Za-z]/.test(d)) throw new RegexNotPortable(`the escape \\${d} is outside the portable subset of regular expressions`);
    return { text: literal(d), length: 2 };
  }

  private characterClass(): void {
    const s = this.source;
    let at = this.i + 1;
    const negated = s[at] === '^';
    if (negated) at += 1;
    // JavaScript's [] matches nothing and [^] anything; in Python a leading ] is a member.
    if (s[at] === ']') {
      this.i = at;
      return this.emit(negated ? '(?s:.)' : '(?!)', 'quantifiable', 1);
    }
    let body = '';
    /** Whether the previous member was one character (a range may start there). */
    let previousSingle = false;
    while (at < s.length && s[at] !== ']') {
      const c = s[at];
      let text: string;
      let length: number;
      let single = true;
      if (c === '\\') {
        const d = s[at + 1];
        if (d !== undefined && CLASS_ESCAPES[d] !== undefined) {
          text = CLASS_ESCAPES[d];
          length = 2;
          single = false;
        } else if (d === 'D' || d === 'W' || d === 'S') {
          throw new RegexNotPortable(`\\${d} inside a character class is outside the portable subset of regular expressions`);
        } else if (d === 'b') {
          text = '\\x08';
          length = 2;
        } else if (d === '-') {
          text = '\\-';
          length = 2;
        } else {
          ({ text, length } = this.singleEscape(at));
        }
      } else if (c === '-' && previousSingle && s[at + 1] !== ']' && s[at + 1] !== undefined) {
        // A range: the next member must be one character too.
        if (s[at + 1] === '\\' && CLASS_ESCAPES[s[at + 2]?.toLowerCase() ?? ''] !== undefined) {
          throw new RegexNotPortable('a range may not end at a class escape such as \\d');
        }
        body += '-';
        at += 1;
        previousSingle = false;
        continue;
      } else {
        text = c === '-' ? '\\-' : literal(c);
        length = 1;
      }
      if (!single && body.endsWith('-') && !body.endsWith('\\-')) throw new RegexNotPortable('a range may not end at a class escape such as \\d');
      if (!single && s[at + length] === '-' && s[at + length + 1] !== ']') throw new RegexNotPortable('a range may not start at a class escape such as \\d');
      body += text;
      at += length;
      previousSingle = single;
    }
    if (at >= s.length) throw new RegexNotPortable('the regular expression has an unclosed character class');
    this.i = at;
    this.emit(`[${negated ? '^' : ''}${body}]`, 'quantifiable', 1);
  }
}

/** One literal character in a Python pattern: punctuation escaped, letters, digits and non-ASCII as they are. */
function literal(c: string): string {
  return /[A-Za-z0-9_]/.test(c) || c > '\x7f' ? c : `\\${c}`;
}
