import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMt86 } from './mt86-details.ts';

/** The `?NN` reading as regexes state it, kept as the oracle for the one-scan reading. */
function oracle(text: string) {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const useful = (s: string | undefined) => {
    const v = s === undefined ? undefined : squash(s);
    return v && !/^(NONREF|NOTPROVIDED)$/i.test(v) ? v : undefined;
  };
  const key = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|BREF|RREF|IBAN|BIC)\+/g;
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) fields[m[1]!] = (fields[m[1]!] ?? '') + m[2]!;
  const purpose = Object.keys(fields)
    .filter((k) => /^(2\d|6[0-3])$/.test(k))
    .sort()
    .map((k) => fields[k])
    .join('');
  const keys: Record<string, string> = {};
  const marks = [...purpose.matchAll(key)];
  marks.forEach((m, i) => (keys[m[1]!] = squash(purpose.slice(m.index + m[0].length, marks[i + 1]?.index ?? purpose.length))));
  return {
    reference: useful(keys.EREF) ?? useful(keys.KREF) ?? useful(keys.MREF),
    counterparty: useful([fields['32'], fields['33']].filter(Boolean).join('')),
    description: useful(keys.SVWZ ?? (marks.length ? purpose.replace(key, ' ') : purpose)),
    bookingText: useful(fields['00']),
    counterpartyAccount: useful(fields['31']),
  };
}

describe(':86: information to account owner', () => {
  it('reads German ?NN sub-fields with SEPA keys, wrapped over several lines', () => {
    const info = parseMt86('166?00SEPA-GUTSCHRIFT?109310?20EREF+INV-2026-0042?21SVWZ+Rechnung 42 vom 1.', ['0.2026?22 danke?30COBADEFFXXX?31DE89370400440532013000?32Olivia ?33Dorn']);
    expect(info).toEqual({
      reference: 'INV-2026-0042',
      counterparty: 'Olivia Dorn',
      description: 'Rechnung 42 vom 1.0.2026 danke',
      bookingText: 'SEPA-GUTSCHRIFT',
      counterpartyAccount: 'DE89370400440532013000',
    });
  });

  it('finds a key split between two sub-fields and takes sub-fields in key order', () => {
    expect(parseMt86('?20EREF+A1?21SV?22WZ+Miete').description).toBe('Miete');
    expect(parseMt86('?21 Januar?20Miete').description).toBe('Miete Januar');
    expect(parseMt86('?33Dorn?32Olivia ').counterparty).toBe('Olivia Dorn');
    expect(parseMt86('?20EREF+NOTPROVIDED?21KREF+K-7').reference).toBe('K-7');
  });

  it('reads the slash layout and free text', () => {
    expect(parseMt86('/EREF/E-1//REMI/USTD//Invoice 9//NAME/ACME BV')).toMatchObject({ reference: 'E-1', description: 'Invoice 9', counterparty: 'ACME BV' });
    expect(parseMt86('  rent   march ')).toEqual({ description: 'rent march' });
  });

  it('agrees with the regex reading on any mix of sub-fields, keys and whitespace', () => {
    const piece = fc.constantFrom('EREF+', 'KREF+', 'MREF+', 'SVWZ+', 'BIC+', 'ABWA+', 'SV', 'WZ+', 'ER', 'EF+', 'NONREF', 'nonref', 'INV-1', 'Pay ment', ' ', '  ', '\t', '\u00a0', '+', 'Ä', '?x', '');
    const field = fc.tuple(fc.constantFrom('00', '20', '21', '22', '29', '31', '32', '33', '60', '63', '64', '2'), fc.array(piece, { maxLength: 4 }));
    const text = fc.tuple(fc.constantFrom('166', ''), fc.array(field, { minLength: 1, maxLength: 7 })).map(([code, fields]) => code + fields.map(([k, parts]) => `?${k}${parts.join('')}`).join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (!/^(\d{3})?\?\d{2}/.test(t)) return;
        expect(parseMt86(t)).toEqual(oracle(t));
      }),
      { numRuns: 3000 },
    );
  });
});
