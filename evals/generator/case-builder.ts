/** Accumulates one case's records and its truth while scenarios add to it. */
import { addDays } from '../../core/dates/iso-date.ts';
import type { Decimal } from '../../core/money/decimal.ts';
import type { CaseRecord } from '../../core/records/canonical-record.ts';
import type { EvalCase, ExpectedBreak } from '../case-schema.ts';
import { amountFromCents, minorAmount, roundToCurrency, scaleToCurrency } from './currency-amounts.ts';
import type { Random } from './random.ts';

export class CaseBuilder {
  readonly external: CaseRecord[] = [];
  readonly internal: CaseRecord[] = [];
  readonly matches: { external: string[]; internal: string[] }[] = [];
  readonly breaks: ExpectedBreak[] = [];
  private counter = 0;

  constructor(
    readonly random: Random,
    readonly asOf: string,
    /** The currency scenarios book in; multi-currency cases change it between scenarios. */
    public currency: string,
    readonly accounts = { external: 'DE89370400440532013000', internal: '1200' },
  ) {}

  /** A booking date `daysBack` before asOf. */
  date(daysBack: number): string {
    return addDays(this.asOf, -daysBack);
  }

  /** A date well inside the period, outside the clearing window. */
  settledDate(): string {
    return this.date(this.random.int(7, 27));
  }

  /**
   * A random amount in the current currency, sized between the bounds given in
   * hundredths of a euro-like unit, with exactly the currency's decimals. One
   * draw, as `random.cents` makes, so two-decimal cases stay as they were.
   */
  amount(minCents: number, maxCents: number): string {
    return amountFromCents(this.random.int(minCents, maxCents), this.currency);
  }

  /** A fixed euro-like size ("15.00") in the current currency ("2250" JPY). */
  scaled(amount: string): string {
    return scaleToCurrency(amount, this.currency);
  }

  /** A computed value (amount × rate) rounded to the current currency's decimals. */
  round(value: Decimal): string {
    return roundToCurrency(value, this.currency);
  }

  /** `n` minor units of the current currency. */
  minor(n: number): string {
    return minorAmount(n, this.currency);
  }

  reference(prefix = 'INV'): string {
    return `${prefix}-${this.random.int(10000, 99999)}`;
  }

  ext(fields: Omit<CaseRecord, 'id' | 'account' | 'currency'> & { currency?: string }): string {
    const id = `e${++this.counter}`;
    this.external.push({ id, account: this.accounts.external, currency: this.currency, ...fields });
    return id;
  }

  int(fields: Omit<CaseRecord, 'id' | 'account' | 'currency'> & { currency?: string }): string {
    const id = `i${++this.counter}`;
    this.internal.push({ id, account: this.accounts.internal, currency: this.currency, ...fields });
    return id;
  }

  match(external: string[], internal: string[]): void {
    this.matches.push({ external, internal });
  }

  break(b: ExpectedBreak): void {
    this.breaks.push(b);
  }

  /** Currencies the case's records use. */
  currencies(): string[] {
    return [...new Set([...this.external, ...this.internal].map((r) => r.currency))].sort();
  }

  build(id: string, tags: string[], difficulty: string, domain: 'cash' | 'securities' = 'cash'): EvalCase {
    return {
      id,
      domain,
      asOf: this.asOf,
      tags,
      difficulty,
      external: this.external,
      internal: this.internal,
      expected: { matches: this.matches, breaks: this.breaks },
    };
  }
}
