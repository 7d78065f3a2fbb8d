/**
 * The first worksheet of an XLSX workbook as rows of cell texts, ready for the
 * same column mapping as CSV. Shared and inline strings are resolved, date-
 * formatted cells become ISO dates, and numbers stay exact decimal text.
 */
import { formatDecimal, normalizeDecimal, parseDecimal, roundDecimal } from '../../money/decimal.ts';
import { XmlStream } from '../xml/xml-stream.ts';
import { readZip, type InflateRaw } from './zip-reader.ts';

export interface SheetRow {
  readonly fields: string[];
  /** Spreadsheet row number (1-based), used as the "line" in messages. */
  readonly line: number;
}

const decoder = new TextDecoder();

/** Runs a small SAX pass over one XML part. */
function walk(xml: string, handlers: { open?: (name: string, attrs: Readonly<Record<string, string>>) => void; text?: (t: string, path: readonly string[]) => void; close?: (name: string) => void }): void {
  const path: string[] = [];
  const stream = new XmlStream({
    open: (name, attrs) => {
      path.push(name);
      handlers.open?.(name, attrs);
    },
    text: (t) => handlers.text?.(t, path),
    close: (name) => {
      handlers.close?.(name);
      path.pop();
    },
  });
  stream.write(xml);
  stream.end();
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function dateStyles(stylesXml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!stylesXml) return dates;
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  walk(stylesXml, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  xfFormats.forEach((id, index) => {
    const code = custom.get(id)?.replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
    if (DATE_FORMAT_IDS.has(id) || (code !== undefined && /[dy]/.test(code))) dates.add(index);
  });
  return dates;
}

/** Excel day serial (1900 or 1904 system) to ISO date. */
function serialToIso(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** Excel writes binary floats ("12.300000000000001"): round to 10 places, as decimal text. */
function exactNumber(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const d = parseDecimal(text);
  return d.scale > 10 ? formatDecimal(normalizeDecimal(roundDecimal(d, 10))) : text;
}

const columnIndex = (ref: string): number => {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

export function readXlsxRows(bytes: Uint8Array, inflateRaw: InflateRaw): SheetRow[] {
  const zip = readZip(bytes, inflateRaw);
  const part = (name: string) => {
    const entry = zip.get(name);
    return entry ? decoder.decode(entry.read()) : undefined;
  };
  const sheetName = zip.has('xl/worksheets/sheet1.xml') ? 'xl/worksheets/sheet1.xml' : [...zip.keys()].filter((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k)).sort()[0];
  const sheet = sheetName ? part(sheetName) : undefined;
  if (!sheet) throw new Error('the workbook has no worksheet');
  const date1904 = /date1904="(1|true)"/.test(part('xl/workbook.xml') ?? '');
  const styles = dateStyles(part('xl/styles.xml'));

  const shared: string[] = [];
  const sharedXml = part('xl/sharedStrings.xml');
  if (sharedXml) {
    let current = '';
    walk(sharedXml, {
      open: (name) => {
        if (name === 'si') current = '';
      },
      // Phonetic runs (rPh) are reading aids, not cell text.
      text: (t, path) => {
        if (path[path.length - 1] === 't' && !path.includes('rPh')) current += t;
      },
      close: (name) => {
        if (name === 'si') shared.push(current);
      },
    });
  }

  const rows: SheetRow[] = [];
  let fields: string[] = [];
  let rowNumber = 0;
  let cell: { index: number; type: string; style: number; text: string } | undefined;
  walk(sheet, {
    open: (name, a) => {
      if (name === 'row') {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        fields = [];
      } else if (name === 'c') cell = { index: a.r ? columnIndex(a.r) : fields.length, type: a.t ?? 'n', style: Number(a.s ?? -1), text: '' };
    },
    text: (t, path) => {
      const leaf = path[path.length - 1];
      if (cell && (leaf === 'v' || (leaf === 't' && path.includes('is')))) cell.text += t;
    },
    close: (name) => {
      if (name === 'c' && cell) {
        let value = cell.text;
        if (cell.type === 's') value = shared[Number(value)] ?? '';
        else if (cell.type === 'b') value = value === '1' ? 'TRUE' : 'FALSE';
        else if (cell.type === 'n' && value !== '' && styles.has(cell.style)) value = serialToIso(Number(value), date1904);
        else if (cell.type === 'n') value = exactNumber(value);
        while (fields.length < cell.index) fields.push('');
        fields[cell.index] = value;
        cell = undefined;
      } else if (name === 'row' && fields.some((f) => f.trim() !== '')) rows.push({ fields, line: rowNumber });
    },
  });
  return rows;
}
