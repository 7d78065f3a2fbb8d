/**
 * How a CSV (or XLSX) export maps onto canonical records: which column holds
 * what (by header name, any of several aliases, or 1-based position), how
 * dates and numbers are written, and whether the amount is one signed column
 * or separate debit and credit columns.
 */
import { z } from 'zod';
import { currencyCodeSchema } from '../../money/schemas.ts';

const column = z.union([z.string().min(1), z.number().int().positive()]);
/** A column, or a list of alternatives tried in order (first present wins). */
const columnChoice = z.union([column, z.array(column).min(1)]);

export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYYMMDD', 'DD-MM-YYYY', 'DD-MMM-YY', 'DD-MMM-YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const csvProfileSchema = z.strictObject({
  name: z.string().min(1),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** Whether the first row (after `skipRows`) holds column names. */
  header: z.boolean().default(true),
  skipRows: z.number().int().nonnegative().default(0),
  encoding: z.enum(['utf-8', 'windows-1252']).optional(),
  dateFormat: z.enum(DATE_FORMATS).default('auto'),
  /** `auto` decides from the amounts in the file ("1.234,56" vs "1,234.56"). */
  decimal: z.enum(['.', ',', 'auto']).default('auto'),
  thousands: z.array(z.string()).default([]),
  defaultCurrency: currencyCodeSchema.optional(),
  /** Flip every amount's sign (exports that write money out as positive). */
  negate: z.boolean().default(false),
  /**
   * With separate debit/credit columns: on a bank export a debit is money out
   * (negative); in the books a debit to the bank's GL account is money in.
   */
  debitIs: z.enum(['money_out', 'money_in']).default('money_out'),
  columns: z.strictObject({
    date: columnChoice,
    valueDate: columnChoice.optional(),
    amount: columnChoice.optional(),
    debit: columnChoice.optional(),
    credit: columnChoice.optional(),
    currency: columnChoice.optional(),
    reference: columnChoice.optional(),
    counterparty: columnChoice.optional(),
    description: columnChoice.optional(),
    account: columnChoice.optional(),
    id: columnChoice.optional(),
    securityId: columnChoice.optional(),
    quantity: columnChoice.optional(),
    price: columnChoice.optional(),
  }),
});
export type CsvProfile = z.output<typeof csvProfileSchema>;
export type CsvProfileInput = z.input<typeof csvProfileSchema>;
export type CsvField = keyof CsvProfile['columns'];

const DATE = ['date', 'booking date', 'bookingdate', 'transaction date', 'posting date', 'posted date', 'entry date', 'buchungstag', 'buchungsdatum', 'datum', 'date opération', 'date operation', 'fecha', 'fecha operación', 'data', 'journaldate', 'created'];
const VALUE_DATE = ['value date', 'valuedate', 'valuta', 'wertstellung', 'valutadatum', 'date valeur', 'fecha valor'];
const AMOUNT = ['amount', 'amount (eur)', 'amount (usd)', 'betrag', 'umsatz', 'importe', 'montant', 'bedrag', 'netamount', 'net amount', 'value'];
const DEBIT = ['debit', 'debit amount', 'withdrawal', 'withdrawals', 'soll', 'débit', 'debe', 'cargo', 'paid out', 'money out'];
const CREDIT = ['credit', 'credit amount', 'deposit', 'deposits', 'haben', 'crédit', 'haber', 'abono', 'paid in', 'money in'];
const CURRENCY = ['currency', 'ccy', 'currency code', 'waehrung', 'währung', 'devise', 'moneda', 'valuta code'];
const REFERENCE = ['reference', 'ref', 'payment reference', 'end to end id', 'end-to-end id', 'referenz', 'référence', 'referencia', 'invoice', 'invoice number', 'document number'];
const COUNTERPARTY = ['counterparty', 'partner name', 'payee', 'payer', 'name', 'beneficiary', 'empfänger', 'auftraggeber', 'beguenstigter/zahlungspflichtiger', 'bénéficiaire', 'beneficiario', 'customer', 'vendor'];
const DESCRIPTION = ['description', 'details', 'memo', 'narrative', 'purpose', 'verwendungszweck', 'buchungstext', 'libellé', 'libelle', 'concepto', 'text', 'omschrijving'];
const ACCOUNT = ['account', 'iban', 'account number', 'konto', 'cuenta', 'compte', 'gl account'];
const ID = ['id', 'transaction id', 'entry id', 'entry number', 'journal number', 'document id'];

/** A generic bank export: English, German, French and Spanish header names. */
export const BANK_PROFILE: CsvProfile = csvProfileSchema.parse({
  name: 'bank',
  columns: { date: DATE, valueDate: VALUE_DATE, amount: AMOUNT, debit: DEBIT, credit: CREDIT, currency: CURRENCY, reference: REFERENCE, counterparty: COUNTERPARTY, description: DESCRIPTION, account: ACCOUNT, id: ID },
});

/** A generic ledger (general-ledger line) export. */
export const LEDGER_PROFILE: CsvProfile = csvProfileSchema.parse({
  name: 'ledger',
  debitIs: 'money_in',
  columns: {
    id: ['entry id', 'journal id', 'line id', 'document number', ...ID],
    date: ['posting date', 'entry date', 'gl date', ...DATE],
    valueDate: VALUE_DATE,
    amount: AMOUNT,
    debit: DEBIT,
    credit: CREDIT,
    currency: CURRENCY,
    reference: REFERENCE,
    counterparty: COUNTERPARTY,
    description: DESCRIPTION,
    account: ['gl account', 'account code', ...ACCOUNT],
  },
});

export const BUILT_IN_PROFILES: Readonly<Record<string, CsvProfile>> = { bank: BANK_PROFILE, ledger: LEDGER_PROFILE };
