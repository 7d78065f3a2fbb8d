/** Dates as statement formats write them, validated into ISO `YYYY-MM-DD`. */
import { isValidIsoDate } from '../dates/iso-date.ts';

export type DateParse = { ok: true; value: string } | { ok: false; message: string };

function checked(iso: string, input: string): DateParse {
  return isValidIsoDate(iso) ? { ok: true, value: iso } : { ok: false, message: `${JSON.stringify(input)} is not a valid date` };
}

/** SWIFT YYMMDD; years 00–79 are 20xx, 80–99 are 19xx (statements of the 1980s–90s exist). */
export function parseYymmdd(input: string): DateParse {
  if (!/^\d{6}$/.test(input)) return { ok: false, message: `${JSON.stringify(input)} is not a date (expected YYMMDD)` };
  const yy = Number(input.slice(0, 2));
  return checked(`${yy < 80 ? 20 : 19}${input.slice(0, 2)}-${input.slice(2, 4)}-${input.slice(4, 6)}`, input);
}

/** An MMDD entry date next to a full value date: the year is the one that puts them closest. */
export function parseMmddNear(input: string, near: string): DateParse {
  if (!/^\d{4}$/.test(input)) return { ok: false, message: `${JSON.stringify(input)} is not a date (expected MMDD)` };
  const year = Number(near.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => `${y}-${input.slice(0, 2)}-${input.slice(2, 4)}`).filter(isValidIsoDate);
  if (candidates.length === 0) return { ok: false, message: `${JSON.stringify(input)} is not a valid date` };
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(near));
  return { ok: true, value: candidates.sort((a, b) => distance(a) - distance(b))[0]! };
}

/** YYYYMMDD (OFX, BAI2 with century) or YYYY-MM-DD with an optional time part. */
export function parseCompactOrIsoDate(input: string): DateParse {
  if (input.length === 10 && isValidIsoDate(input)) return { ok: true, value: input };
  const text = input.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})/.exec(text);
  if (compact) return checked(`${compact[1]}-${compact[2]}-${compact[3]}`, input);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return checked(`${iso[1]}-${iso[2]}-${iso[3]}`, input);
  return { ok: false, message: `${JSON.stringify(input)} is not a date (expected YYYY-MM-DD or YYYYMMDD)` };
}
