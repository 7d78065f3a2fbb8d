import { describe, expect, it } from 'vitest';
import { MtTagReader } from './mt-tags.ts';

/** Every tag as [tag, line, value lines, starts a statement]. */
function tags(text: string) {
  const reader = new MtTagReader(text);
  const out: [string, number, string[], boolean][] = [];
  while (reader.next()) out.push([reader.tag, reader.line, reader.lines(), reader.startsBlock]);
  return out;
}

describe('MtTagReader', () => {
  it('reads tags, continuation lines and statements, counting lines for every line end', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['ABNANL2A', '940', ':20:A', ':61:261001C1,00NTRFX', ':86:first', 'second', '', '-', 'ignored', ':20:B', ':86:x'].join(eol);
      expect(tags(text), JSON.stringify(eol)).toEqual([
        ['20', 3, ['A'], true],
        ['61', 4, ['261001C1,00NTRFX'], false],
        ['86', 5, ['first', 'second', ''], false],
        ['20', 10, ['B'], true],
        ['86', 11, ['x'], false],
      ]);
    }
  });

  it('strips SWIFT envelopes and ends a statement at -}', () => {
    const text = '{1:F01BANKDEFFXXX0000000000}{2:O9400000}\n{4:\n:20:A\n:25:DE1\n-}{5:{CHK:1}}\n{1:F01}{2:O940}{4::20:B\n:28C:2/1\n-}';
    expect(tags(text)).toEqual([
      ['20', 3, ['A'], true],
      ['25', 4, ['DE1'], false],
      ['20', 6, ['B'], true],
      ['28C', 7, ['2/1'], false],
    ]);
  });

  it('starts a statement after a terminator even without :20:, and reads :NS:', () => {
    expect(tags(':25:X\n-\n:NS:22note\n:60F:C200101EUR1,00').map(([tag, , , starts]) => [tag, starts])).toEqual([
      ['25', true],
      ['NS', true],
      ['60F', false],
    ]);
  });

  it('takes a line with U+2028 in it for a continuation, as the tag pattern always has', () => {
    expect(tags(':20:A\n:86:x\u2028y\n:62F:C')).toEqual([
      ['20', 1, ['A', ':86:x\u2028y'], true],
      ['62F', 3, ['C'], false],
    ]);
  });
});
