// Code out of a model's reply. Replies wrap the module in a fenced block, often
// with prose around it, sometimes several blocks (a sketch, then the module),
// sometimes a block cut off by the token limit, sometimes a reasoning section
// first (<think>...</think>). A block tagged with the target language wins
// over untagged ones; among those, the first or the largest is taken. A reply
// with no fence at all is taken whole.

export type CodeLanguage = 'ts' | 'python';
export type BlockChoice = 'first' | 'largest';

const TAGS: Record<CodeLanguage, Set<string>> = {
  ts: new Set(['ts', 'typescript', 'tsx', 'js', 'javascript', 'mts']),
  python: new Set(['python', 'py', 'python3']),
};

export interface CodeBlock {
  tag: string;
  code: string;
  /** The block ends where the reply ends, without a closing fence. */
  unterminated: boolean;
}

/** Every fenced block, in order. */
export function codeBlocks(reply: string): CodeBlock[] {
  const text = stripReasoning(reply);
  const blocks: CodeBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: { fence: string; tag: string; body: string[] } | null = null;
  for (const line of lines) {
    if (open === null) {
      const start = /^\s*(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/.exec(line);
      if (start) open = { fence: start[1], tag: start[2].toLowerCase(), body: [] };
      continue;
    }
    const fence = open.fence;
    if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) {
      blocks.push({ tag: open.tag, code: open.body.join('\n'), unterminated: false });
      open = null;
    } else {
      open.body.push(line);
    }
  }
  if (open !== null && open.body.length > 0) blocks.push({ tag: open.tag, code: open.body.join('\n'), unterminated: true });
  return blocks;
}

/** The module in a reply; null when the reply is empty. */
export function extractCode(reply: string, language: CodeLanguage, choice: BlockChoice = 'first'): string | null {
  const blocks = codeBlocks(reply).filter((b) => b.code.trim() !== '');
  if (blocks.length === 0) {
    const whole = stripReasoning(reply).trim();
    return whole === '' ? null : `${whole}\n`;
  }
  const tagged = blocks.filter((b) => TAGS[language].has(b.tag));
  const untagged = blocks.filter((b) => b.tag === '');
  const pool = tagged.length > 0 ? tagged : untagged.length > 0 ? untagged : blocks;
  const block = choice === 'first' ? pool[0] : pool.reduce((best, b) => (b.code.length > best.code.length ? b : best));
  return `${block.code.replace(/\s+$/, '')}\n`;
}

/** Drops a leading reasoning section (and an unclosed one, which holds no answer). */
function stripReasoning(reply: string): string {
  const closed = reply.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const open = closed.search(/<think>/i);
  return open >= 0 ? closed.slice(0, open) : closed;
}
