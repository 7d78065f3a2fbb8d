/**
 * What every format parser produces: statements with their balances and
 * entries, in the canonical record's vocabulary but before a side, an account
 * override and stable ids are applied.
 */
import type { RecordKind, SecurityIdType } from '../statuses.ts';
import type { ImportIssue } from './import-issues.ts';

export interface ParsedBalance {
  /** Signed decimal string; a debit balance is negative. */
  readonly amount: string;
  readonly currency: string;
  readonly date: string;
}

export interface ParsedEntry {
  /** The entry's own account, when rows of one file name different accounts (CSV). */
  readonly account?: string;
  readonly date: string;
  readonly valueDate?: string;
  /** Signed: a credit to the account is positive. */
  readonly amount: string;
  readonly currency: string;
  readonly reference?: string;
  readonly counterparty?: string;
  readonly description?: string;
  /** The bank's own id for the entry, when it gives one: the natural key. */
  readonly bankReference?: string;
  readonly reversal?: boolean;
  readonly typeCode?: string;
  readonly kind?: RecordKind;
  readonly securityId?: string;
  readonly securityIdType?: SecurityIdType;
  readonly quantity?: string;
  readonly price?: string;
  readonly tradeDate?: string;
  readonly settleDate?: string;
  /** 1-based line where the entry starts (text formats). */
  readonly line?: number;
  /** Element path (XML formats). */
  readonly path?: string;
  /** The source fields as read. */
  readonly raw: Readonly<Record<string, string>>;
  /**
   * The parser has already checked that `date` is a real ISO date and
   * `currency` an ISO 4217 code, so the record builder's last guard skips them.
   */
  readonly checked?: boolean;
}

export interface ParsedStatement {
  /** Statement id or reference as the file gives it (`:20:`, `Stmt/Id`). */
  readonly id?: string;
  /** Sequence number (`:28C:`, `ElctrncSeqNb`) for gap detection. */
  readonly sequence?: string;
  readonly account?: string;
  readonly currency?: string;
  readonly opening?: ParsedBalance;
  readonly closing?: ParsedBalance;
  /** Entries kept in memory; empty when they were streamed out as they were read. */
  readonly entries: ParsedEntry[];
  /** Sum of the statement-currency movements of streamed-out entries (decimal string). */
  readonly streamedMovements?: string;
  readonly line?: number;
}

/** Receives entries as a parser reads them, instead of holding them all. */
export type EntryListener = (entry: ParsedEntry, statementIndex: number, statementAccount: string | undefined) => void;

export interface ParseOutput {
  readonly statements: ParsedStatement[];
  readonly warnings: ImportIssue[];
  readonly errors: ImportIssue[];
}

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** A statement from what a parser found, leaving out what it did not. */
export function parsedStatement(parts: Optional<Omit<ParsedStatement, 'entries'>> & { entries: ParsedEntry[] }): ParsedStatement {
  const statement: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) if (value !== undefined && value !== '') statement[key] = value;
  return statement as unknown as ParsedStatement;
}
