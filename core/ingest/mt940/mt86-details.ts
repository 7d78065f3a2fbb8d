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

const SPACE = /\s/;
const SPACES = /\s+/g;
const EMPTY_VALUE = /^(NONREF|NOTPROVIDED)$/i;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpaceAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(s[i]!));
};

/** `s[start, end)` with whitespace runs as one space, trimmed (what `\s+` → " " and trim give). */
function squashRange(s: string, start: number, end: number): string {
  while (start < end && isSpaceAt(s, start)) start++;
  while (end > start && isSpaceAt(s, end - 1)) end--;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? isSpaceAt(s, i + 1) : (c >= 9 && c <= 13) || (c > 127 && isSpaceAt(s, i))) return s.slice(start, end).replace(SPACES, ' ');
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

const squash = (s: string): string => squashRange(s, 0, s.length);
const rangeOf = (s: string, start: number, end: number): string | undefined => (start === -1 ? undefined : squashRange(s, start, end));

/** Squashed, or undefined when empty or a placeholder such as NONREF. */
function useful(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const v = squash(s);
  return v !== '' && !((v.length === 6 || v.length === 11) && EMPTY_VALUE.test(v)) ? v : undefined;
}

const SEPA_KEYS = ['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'COAM', 'OAMT', 'BREF', 'RREF', 'IBAN', 'BIC'];
const SEPA_KEY = new RegExp(`(${SEPA_KEYS.join('|')})\\+`, 'g');
const code4 = (s: string, i: number): number => ((s.charCodeAt(i) << 24) | (s.charCodeAt(i + 1) << 16) | (s.charCodeAt(i + 2) << 8) | s.charCodeAt(i + 3)) >>> 0;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const SEPA_CODES = new Set(SEPA_KEYS.filter((k) => k.length === 4).map((k) => code4(k, 0)));
const EREF = code4('EREF', 0);
const KREF = code4('KREF', 0);
const MREF = code4('MREF', 0);
const SVWZ = code4('SVWZ', 0);
/** Char codes are checked first: a code of non-ASCII letters could alias a key. */
const isSepaKeyAt = (s: string, i: number): boolean =>
  isUpper(s.charCodeAt(i)) && isUpper(s.charCodeAt(i + 1)) && isUpper(s.charCodeAt(i + 2)) && isUpper(s.charCodeAt(i + 3)) && SEPA_CODES.has(code4(s, i));

/** The `?20`–`?29`, `?60`–`?63` purpose in key order, when the file does not give them in order. */
function sortedPurpose(text: string): string {
  const parts = new Map<string, string>();
  for (const m of text.matchAll(/\?(\d{2})([^?]*)/g)) if (/^(2\d|6[0-3])$/.test(m[1]!)) parts.set(m[1]!, (parts.get(m[1]!) ?? '') + m[2]!);
  return [...parts.keys()]
    .sort()
    .map((k) => parts.get(k))
    .join('');
}

function questionMarkLayout(text: string): Mt86Details {
  const n = text.length;
  let bookingText: string | undefined;
  let account: string | undefined;
  let name = '';
  let purpose: string | undefined;
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
      if (key < lastPurposeKey) ordered = false;
      lastPurposeKey = key;
      purpose = purpose === undefined ? text.slice(start, end) : purpose + text.slice(start, end);
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
  if (!ordered) purpose = sortedPurpose(text);
  purpose ??= '';
  // SEPA keys (EREF+, SVWZ+, …) split the purpose; a value runs to the next key. Later repeats win.
  let keys = false;
  let valueKey = 0;
  let valueStart = 0;
  let erefStart = -1;
  let erefEnd = 0;
  let krefStart = -1;
  let krefEnd = 0;
  let mrefStart = -1;
  let mrefEnd = 0;
  let svwzStart = -1;
  let svwzEnd = 0;
  let p = purpose.indexOf('+');
  for (;;) {
    // The end of the purpose closes the last value like a key would.
    let keyStart = purpose.length;
    if (p !== -1) {
      if (p >= 4 && isSepaKeyAt(purpose, p - 4)) keyStart = p - 4;
      else if (p >= 3 && purpose.startsWith('BIC', p - 3)) keyStart = p - 3;
      else {
        p = purpose.indexOf('+', p + 1);
        continue;
      }
    }
    if (valueKey === EREF) {
      erefStart = valueStart;
      erefEnd = keyStart;
    } else if (valueKey === KREF) {
      krefStart = valueStart;
      krefEnd = keyStart;
    } else if (valueKey === MREF) {
      mrefStart = valueStart;
      mrefEnd = keyStart;
    } else if (valueKey === SVWZ) {
      svwzStart = valueStart;
      svwzEnd = keyStart;
    }
    if (p === -1) break;
    keys = true;
    valueKey = keyStart === p - 4 ? code4(purpose, keyStart) : 0;
    valueStart = p + 1;
    p = purpose.indexOf('+', p + 1);
  }
  const svwz = rangeOf(purpose, svwzStart, svwzEnd);
  const description = useful(svwz ?? (keys ? purpose.replace(SEPA_KEY, ' ') : purpose));
  return {
    reference: useful(rangeOf(purpose, erefStart, erefEnd)) ?? useful(rangeOf(purpose, krefStart, krefEnd)) ?? useful(rangeOf(purpose, mrefStart, mrefEnd)),
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
