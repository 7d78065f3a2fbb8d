/**
 * Reads the `:86:` information to account owner. Three layouts are common:
 * German `?NN` sub-fields (with SEPA keys EREF+, SVWZ+ in the purpose), the
 * Dutch/ING slash layout (/EREF/…/REMI/…/NAME/…), and free text.
 *
 * The `?NN` layout is what most statements carry, one per transaction, so it
 * is read in one scan with indexOf and char codes, without a field map; the
 * raw `:86:` text stays in the entry's provenance for reviewers.
 */

export interface Mt86Details {
  readonly reference?: string | undefined;
  readonly counterparty?: string | undefined;
  readonly description?: string | undefined;
  readonly bookingText?: string | undefined;
  readonly counterpartyAccount?: string | undefined;
}

import { MAX_SEGMENTS, purposeText, readSepa, segments, SEPA_KEY, type SepaValues } from './mt86-purpose.ts';
import { squash, useful, usefulSquashed } from './mt-text.ts';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The `?20`–`?29`, `?60`–`?63` purpose in key order, when the file does not give them in order. */
function sortedPurpose(text: string): string {
  const parts = new Map<string, string>();
  for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) if (/^(2\d|6[0-3])$/.test(m[1]!)) parts.set(m[1]!, (parts.get(m[1]!) ?? '') + m[2]!);
  return [...parts.keys()]
    .sort()
    .map((k) => parts.get(k))
    .join('');
}

/** Reused for every field: the parse is synchronous and the values are copied out at once. */
const sepa: SepaValues = { keys: false, eref: undefined, kref: undefined, mref: undefined, svwz: undefined };

/** Reads the purpose as one segment of `src`. */
function readWhole(src: string): void {
  segments[0] = 0;
  segments[1] = src.length;
  readSepa(src, 1, sepa);
}

function questionMarkLayout(text: string): Mt86Details {
  const n = text.length;
  let bookingText: string | undefined;
  let account: string | undefined;
  let name = '';
  let count = 0;
  let lastPurposeKey = -1;
  let ordered = true;
  let seen33 = false;
  let nameOutOfOrder = false;
  let q = text.indexOf('?');
  while (q !== -1) {
    if (q + 2 >= n || !isDigit(text.charCodeAt(q + 1)) || !isDigit(text.charCodeAt(q + 2))) {
      // A `?` without two digits ends the field before it and starts none.
      q = text.indexOf('?', q + 1);
      continue;
    }
    const key = (text.charCodeAt(q + 1) - 48) * 10 + text.charCodeAt(q + 2) - 48;
    const start = q + 3;
    q = text.indexOf('?', start);
    const end = q === -1 ? n : q;
    if ((key >= 20 && key <= 29) || (key >= 60 && key <= 63)) {
      if (key < lastPurposeKey || count === MAX_SEGMENTS) ordered = false;
      else {
        segments[2 * count] = start;
        segments[2 * count + 1] = end;
        count++;
      }
      lastPurposeKey = key;
    } else if (key === 0) bookingText = (bookingText ?? '') + text.slice(start, end);
    else if (key === 31) account = (account ?? '') + text.slice(start, end);
    else if (key === 32 || key === 33) {
      if (key === 33) seen33 = true;
      else if (seen33) nameOutOfOrder = true;
      name += text.slice(start, end);
    }
  }
  // ?32 before ?33 whatever their order in the file.
  if (nameOutOfOrder) name = namePart(text, '32') + namePart(text, '33');
  let purpose: string | undefined;
  if (!ordered) readWhole((purpose = sortedPurpose(text)));
  else if (!readSepa(text, count, sepa)) readWhole((purpose = purposeText(text, count)));
  const description =
    sepa.svwz !== undefined ? usefulSquashed(sepa.svwz) : useful(sepa.keys ? (purpose ?? purposeText(text, count)).replace(SEPA_KEY, ' ') : (purpose ?? purposeText(text, count)));
  return {
    reference: usefulSquashed(sepa.eref) ?? usefulSquashed(sepa.kref) ?? usefulSquashed(sepa.mref),
    counterparty: useful(name),
    description,
    bookingText: useful(bookingText),
    counterpartyAccount: useful(account),
  };
}

/** All `?NN` parts of one key, in file order (for the rare file that puts ?33 before ?32). */
function namePart(text: string, key: string): string {
  let out = '';
  for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) if (m[1] === key) out += m[2]!;
  return out;
}

const SLASH_KEYS = /\/(EREF|REMI|NAME|CNTP|ORDP|BENM|TRCD|IBAN|BIC|PREF|MARF|CSID|ISDT|RTRN|ATOS|SVCL|ULTC|ULTD|PURP|ID|ADDR)\//g;

function slashLayout(text: string): Mt86Details {
  const fields: Record<string, string> = {};
  const marks = [...text.matchAll(SLASH_KEYS)];
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    fields[m[1]!] = squash(text.slice(start, end).replace(/\/$/, ''));
  });
  // CNTP is account/BIC/name/city separated by slashes.
  const cntp = fields.CNTP?.split('/');
  const name = useful(fields.NAME) ?? useful(cntp?.[2]) ?? useful(fields.ORDP) ?? useful(fields.BENM);
  const remi = fields.REMI?.replace(/^(USTD|STRD)\/\/?(CUR\/|ISO\/)?/, '');
  return {
    reference: useful(fields.EREF) ?? useful(fields.PREF),
    counterparty: name,
    description: useful(remi) ?? useful(text.slice(0, marks[0]?.index ?? text.length)),
    counterpartyAccount: useful(fields.IBAN) ?? useful(cntp?.[0]),
  };
}

/** `first` is the line after `:86:`, `more` its continuation lines. */
export function parseMt86(first: string, more?: readonly string[]): Mt86Details {
  // ?NN sub-fields are fixed-width chunks wrapped at 65 characters: join without a separator.
  const compact = more ? first + more.join('') : first;
  const c0 = compact.charCodeAt(0);
  if (
    (isDigit(c0) && isDigit(compact.charCodeAt(1)) && isDigit(compact.charCodeAt(2)) && compact.charCodeAt(3) === 63) ||
    (c0 === 63 && isDigit(compact.charCodeAt(1)) && isDigit(compact.charCodeAt(2)))
  ) {
    return questionMarkLayout(compact);
  }
  const text = more ? `${first} ${more.join(' ')}` : first;
  if (/\/(EREF|REMI|NAME|CNTP)\//.test(text)) return slashLayout(text);
  return { description: useful(text) };
}
