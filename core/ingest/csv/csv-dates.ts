/** Date layouts of CSV exports, and picking one from the values in a file. */
import { isValidIsoDate } from '../../dates/iso-date.ts';
import type { DateFormat } from './csv-profile.ts';

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
  mär: '03', mai: '05', okt: '10', dez: '12', janv: '01', févr: '02', avr: '04', juin: '06', juil: '07', août: '08', déc: '12', ene: '01', abr: '04', ago: '08', dic: '12',
};

const pad = (n: string) => n.padStart(2, '0');
const year = (y: string) => (y.length === 2 ? `${Number(y) < 80 ? 20 : 19}${y}` : y);

/** ISO date, or undefined when the text does not have the layout or is no real date. */
export function parseDateAs(text: string, format: Exclude<DateFormat, 'auto'>): string | undefined {
  // The common case, an ISO date, without a regex.
  if (format === 'YYYY-MM-DD' && text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return isValidIsoDate(text) ? text : undefined;
  const t = text.trim();
  let iso: string | undefined;
  let m: RegExpExecArray | null;
  switch (format) {
    case 'YYYY-MM-DD':
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
      iso = m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : undefined;
      break;
    case 'YYYYMMDD':
      m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
      iso = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
      break;
    case 'DD.MM.YYYY':
    case 'DD/MM/YYYY':
    case 'DD-MM-YYYY': {
      const sep = format[2]!;
      m = new RegExp(`^(\\d{1,2})\\${sep}(\\d{1,2})\\${sep}(\\d{2}|\\d{4})(?:\\s.*)?$`).exec(t);
      iso = m ? `${year(m[3]!)}-${pad(m[2]!)}-${pad(m[1]!)}` : undefined;
      break;
    }
    case 'MM/DD/YYYY':
      m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(t);
      iso = m ? `${year(m[3]!)}-${pad(m[1]!)}-${pad(m[2]!)}` : undefined;
      break;
    case 'DD-MMM-YY':
    case 'DD-MMM-YYYY': {
      m = /^(\d{1,2})[- ]([A-Za-zäéû]{3,5})\.?[- ](\d{2}|\d{4})$/.exec(t);
      const month = m ? MONTHS[m[2]!.toLowerCase()] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)] : undefined;
      iso = m && month ? `${year(m[3]!)}-${month}-${pad(m[1]!)}` : undefined;
      break;
    }
  }
  return iso && isValidIsoDate(iso) ? iso : undefined;
}

const CANDIDATES: readonly Exclude<DateFormat, 'auto'>[] = ['YYYY-MM-DD', 'YYYYMMDD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD-MM-YYYY', 'DD-MMM-YY'];

/**
 * The layout that reads the most sample values. Ties between day-first and
 * month-first (all days ≤ 12) go to day-first, the more common outside the US.
 */
export function detectDateFormat(samples: readonly string[]): Exclude<DateFormat, 'auto'> {
  const values = samples.map((s) => s.trim()).filter(Boolean);
  let best: Exclude<DateFormat, 'auto'> = 'YYYY-MM-DD';
  let bestCount = -1;
  for (const format of CANDIDATES) {
    const count = values.filter((v) => parseDateAs(v, format) !== undefined).length;
    if (count > bestCount) {
      best = format;
      bestCount = count;
    }
  }
  return best;
}
