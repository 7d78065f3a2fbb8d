/**
 * Reads the `:86:` information to account owner. Three layouts are common:
 * German `?NN` sub-fields (with SEPA keys EREF+, SVWZ+ in the purpose), the
 * Dutch/ING slash layout (/EREF/…/REMI/…/NAME/…), and free text.
 */

export interface Mt86Details {
  readonly reference?: string;
  readonly counterparty?: string;
  readonly description?: string;
  readonly bookingText?: string;
  readonly counterpartyAccount?: string;
  readonly fields: Readonly<Record<string, string>>;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const useful = (s: string | undefined): string | undefined => {
  const v = s === undefined ? undefined : squash(s);
  return v && !/^(NONREF|NOTPROVIDED)$/i.test(v) ? v : undefined;
};

const SEPA_KEYS = ['EREF', 'KREF', 'MREF', 'CRED', 'DEBT', 'SVWZ', 'ABWA', 'ABWE', 'COAM', 'OAMT', 'BREF', 'RREF', 'IBAN', 'BIC'];
const SEPA_KEY = new RegExp(`(${SEPA_KEYS.join('|')})\\+`, 'g');

function sepaKeys(purpose: string): Record<string, string> {
  const out: Record<string, string> = {};
  const marks = [...purpose.matchAll(SEPA_KEY)];
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : purpose.length;
    out[m[1]!] = squash(purpose.slice(start, end));
  });
  return out;
}

function questionMarkLayout(text: string): Mt86Details {
  const joined = text;
  const fields: Record<string, string> = {};
  const code = /^(\d{3})/.exec(joined)?.[1];
  if (code) fields.code = code;
  for (const m of joined.matchAll(/\?(\d{2})([^?]*)/g)) fields[m[1]!] = (fields[m[1]!] ?? '') + m[2]!;
  const purposeKeys = Object.keys(fields)
    .filter((k) => /^(2\d|6[0-3])$/.test(k))
    .sort();
  const purpose = purposeKeys.map((k) => fields[k]).join('');
  const keys = sepaKeys(purpose);
  for (const [k, v] of Object.entries(keys)) fields[`sepa.${k}`] = v;
  const name = useful([fields['32'], fields['33']].filter(Boolean).join(''));
  const description = useful(keys.SVWZ ?? (Object.keys(keys).length ? purpose.replace(SEPA_KEY, ' ') : purpose));
  return {
    reference: useful(keys.EREF) ?? useful(keys.KREF) ?? useful(keys.MREF),
    counterparty: name,
    description,
    bookingText: useful(fields['00']),
    counterpartyAccount: useful(fields['31']),
    fields,
  };
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
    fields,
  };
}

export function parseMt86(lines: readonly string[]): Mt86Details {
  // ?NN sub-fields are fixed-width chunks wrapped at 65 characters: join without a separator.
  const compact = lines.join('');
  if (/^\d{3}\?/.test(compact) || /^\?\d{2}/.test(compact)) return questionMarkLayout(compact);
  const text = lines.join(' ');
  if (/\/(EREF|REMI|NAME|CNTP)\//.test(text)) return slashLayout(text);
  const free = useful(text);
  return { description: free, fields: {} };
}
