/**
 * Breaks the matching stage left without a counterpart (one-sided), plus the
 * structural shapes whose type follows from the shape itself (duplicate,
 * ambiguous, aggregate). Fees, interest and returns are recognised by their
 * nature whatever their age; everything else by its age against the clearing
 * window (days back from asOf, inclusive).
 */
import { formatAmount, insideClearingWindow, type BreakFacts } from './break-facts.ts';
import { hasFamily } from './narrative-keywords.ts';
import { keywordEvidence, narrativeEvidence, verdict, type TypeVerdict } from './verdict.ts';

function ageEvidence(facts: BreakFacts): string {
  return `age ${facts.youngestAge} days from ${facts.ctx.asOf} (clearing window ${facts.ctx.config.clearingWindowDays} days)`;
}

export function classifyOneSided(facts: BreakFacts): TypeVerdict {
  const external = facts.ext.length > 0;
  const flags = external ? facts.extFlags : facts.intFlags;
  const amount = formatAmount(external ? facts.sumExt : facts.sumInt, facts.currency);
  const words = [...keywordEvidence(flags), ...narrativeEvidence(facts)];
  const fee = hasFamily(flags, 'fee') || hasFamily(flags, 'custody') || hasFamily(flags, 'commission');
  const interest = hasFamily(flags, 'interest');
  const returned = hasFamily(flags, 'returned') || hasFamily(flags, 'chargeback');
  const side = external ? 'statement' : 'books';
  if (external) {
    if (interest) {
      // "Zinsen und Entgelte" mentions both: interest is the more specific word, but less sure.
      return verdict('unbooked_interest', fee ? 0.6 : 0.96, 'one_sided.interest', `The ${side} shows ${amount} described as interest, with no entry in the books.`, words);
    }
    if (fee) {
      // A "returned item fee" is a fee for the return, not the return itself.
      return verdict('unbooked_fee', returned ? 0.75 : 0.96, 'one_sided.fee', `The ${side} shows ${amount} described as a fee or charge, with no entry in the books.`, words);
    }
    if (returned) return verdict('reversal', 0.95, 'one_sided.returned', `The ${side} shows ${amount} described as a return or chargeback of an earlier item.`, words);
  } else if (returned) {
    return verdict('reversal', 0.65, 'one_sided.returned_internal', `The books hold ${amount} described as a return, with no counterpart on the statement.`, words);
  }
  if (insideClearingWindow(facts)) {
    return verdict('timing_difference', 0.93, 'one_sided.in_window', `Only the ${side} has ${amount}, still inside its clearing window: the other side is expected to catch up.`, [ageEvidence(facts), ...words]);
  }
  if (external) return verdict('missing_internal', 0.93, 'one_sided.missing_internal', `The statement shows ${amount} beyond the clearing window with no entry in the books.`, [ageEvidence(facts), ...words]);
  return verdict('missing_external', 0.93, 'one_sided.missing_external', `The books hold ${amount} beyond the clearing window with no counterpart on the statement.`, [ageEvidence(facts), ...words]);
}

export function classifyDuplicate(facts: BreakFacts): TypeVerdict {
  const side = facts.int.length > 0 ? 'books' : 'statement';
  const note = facts.ctx.evidence.note ? [facts.ctx.evidence.note] : [];
  return verdict('duplicate_entry', 0.95, 'shape.duplicate', `The ${side} hold the same item twice; this is the later copy.`, note);
}

export function classifyAmbiguous(facts: BreakFacts): TypeVerdict {
  const n = facts.ext.length + facts.int.length;
  return verdict('ambiguous_match', 0.97, 'shape.ambiguous', `${n} records have equally good counterparts; choosing one is a human decision.`, facts.ctx.evidence.note ? [facts.ctx.evidence.note] : []);
}

export function classifyAggregate(facts: BreakFacts): TypeVerdict {
  const ties = facts.currency !== null && facts.difference === 0n;
  const shape = `${facts.ext.length} statement item(s) against ${facts.int.length} book entr${facts.int.length === 1 ? 'y' : 'ies'}`;
  return ties
    ? verdict('split_or_aggregate', 0.96, 'shape.aggregate_ties', `${shape} tie exactly but share no reference.`, [`difference 0 ${facts.currency}`])
    : verdict('split_or_aggregate', 0.7, 'shape.aggregate_open', `${shape} belong together but do not tie.`, [`difference ${formatAmount(facts.difference, facts.currency)} ${facts.currency ?? ''}`.trim()]);
}
