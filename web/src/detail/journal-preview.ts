/**
 * What a resolution would book and whether the group then balances, worked
 * out in the browser with core's decimal arithmetic (never floats) and
 * core's own journal lines: the reviewer sees the entry and the remaining
 * difference before sending the edit, as the API's verification will see them.
 */
import { counterLines, type PlannedLine } from '../../../core/apply/journal-lines.ts';
import { addAmounts, amountsEqual, subtractAmounts, sumAmounts } from '../../../core/money/money.ts';
import { isDecimalString } from '../../../core/money/decimal.ts';
import type { Resolution } from '../../../core/taxonomy/actions.ts';
import type { RecordView } from '../api/types.ts';

export interface JournalPreview {
  /** The entry's lines (book account, then the role's account); empty when the action books nothing. */
  readonly lines: readonly PlannedLine[];
  readonly externalTotal: string;
  readonly internalBefore: string;
  readonly internalAfter: string;
  /** external − internal after the entry; zero when the group balances. */
  readonly remaining: string;
  readonly balances: boolean;
  /** The lines themselves sum to zero (always, by construction; shown so nobody has to trust it). */
  readonly linesSum: string;
}

const BOOK_ACCOUNT = 'Reconciled account';

function amounts(records: readonly RecordView[], ids?: readonly string[]): string[] {
  const chosen = ids ? records.filter((r) => ids.includes(r.id)) : records;
  return chosen.map((r) => r.amount);
}

/** The preview for the actions that post an entry (post_journal, match_with_adjustment); undefined for the others or while the amount does not parse. */
export function journalPreview(resolution: Partial<Resolution> & { action: Resolution['action'] }, records: { external: readonly RecordView[]; internal: readonly RecordView[] }): JournalPreview | undefined {
  if (resolution.action !== 'post_journal' && resolution.action !== 'match_with_adjustment') return undefined;
  const r = resolution as Partial<Extract<Resolution, { action: 'post_journal' | 'match_with_adjustment' }>>;
  if (typeof r.amount !== 'string' || !isDecimalString(r.amount) || !r.account || !r.currency) return undefined;
  const pair = r.action === 'match_with_adjustment' ? (r as Partial<Extract<Resolution, { action: 'match_with_adjustment' }>>) : undefined;
  const externalTotal = sumAmounts(amounts(records.external, pair?.external));
  const internalBefore = sumAmounts(amounts(records.internal, pair?.internal));
  const internalAfter = addAmounts(internalBefore, r.amount);
  const remaining = subtractAmounts(externalTotal, internalAfter);
  const lines = counterLines(r.amount, r.currency, r.account, { bookAccount: BOOK_ACCOUNT, glCodes: {} }, r.action === 'post_journal' ? (r.memo ?? 'Journal') : 'Adjustment');
  const linesSum = sumAmounts(lines.map((l) => l.amount));
  return { lines, externalTotal, internalBefore, internalAfter, remaining, balances: amountsEqual(remaining, '0'), linesSum };
}
