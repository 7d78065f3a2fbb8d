/**
 * Splits a SWIFT MT940/942/950 text into statements of tags. Handles SWIFT
 * block envelopes ({1:…}{2:…}{4:), bank preambles before `:20:`, `-` and `-}`
 * terminators, and tag values that continue over several lines.
 */

export interface MtTag {
  readonly tag: string;
  /** Value lines as in the file (first line after the tag, then continuations). */
  readonly lines: string[];
  readonly line: number;
}

export interface MtBlock {
  readonly tags: MtTag[];
  readonly line: number;
}

const TAG = /^:([0-9]{2}[A-Z]?|NS):(.*)$/;

export function splitMtBlocks(lines: readonly string[]): MtBlock[] {
  const blocks: MtBlock[] = [];
  let current: { tags: MtTag[]; line: number } | undefined;
  let last: MtTag | undefined;
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!;
    const lineNo = i + 1;
    // Drop SWIFT envelope blocks; the message text starts after `{4:`.
    if (text.startsWith('{')) {
      const body = text.indexOf('{4:');
      if (body === -1) continue;
      text = text.slice(body + 3);
      if (text === '') continue;
    }
    if (text === '-' || text === '-}' || text.startsWith('-}')) {
      current = undefined;
      last = undefined;
      continue;
    }
    const match = TAG.exec(text);
    if (match) {
      const tag = match[1]!;
      if (tag === '20' || !current) {
        current = { tags: [], line: lineNo };
        blocks.push(current);
      }
      last = { tag, lines: [match[2]!], line: lineNo };
      current.tags.push(last);
      continue;
    }
    // Outside a statement, untagged lines are bank preambles (e.g. "ABNANL2A", "940").
    if (last && current) last.lines.push(text);
  }
  return blocks;
}
