/**
 * The matching stage (DESIGN §4): passes strongest first over one shared set
 * of used records, so a record lands in exactly one match group or break.
 * Pure and deterministic: records are put in a canonical order first, so the
 * input order never changes the result.
 */
import type { CanonicalRecord } from '../records/canonical-record.ts';
import type { MatchPass } from '../statuses.ts';
import { aggregateGroups } from './aggregation.ts';
import { exactCandidates, nearMissCandidates, strongCandidates, toleranceCandidates } from './candidates.ts';
import { difference, evidence } from './evidence.ts';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from './match-config.ts';
import type { BreakShape, MatchBreak, MatchGroup, MatchResult } from './match-types.ts';
import { pairCandidates, type Candidate } from './pairing.ts';
import { matchSecurities, TRADE_FIELDS } from './securities.ts';
import { UsedRecords } from './used-records.ts';
import { compareRecords, prepareRecords, type PreparedRecord } from './prepared-record.ts';

export interface MatchInput {
  readonly external: readonly CanonicalRecord[];
  readonly internal: readonly CanonicalRecord[];
}

const ids = (records: readonly PreparedRecord[]) => [...records].sort((a, b) => a.rank - b.rank).map((r) => r.id);

function toBreak(shape: BreakShape, pass: MatchPass, external: readonly PreparedRecord[], internal: readonly PreparedRecord[], score: number, note?: string): MatchBreak {
  const diff = difference(external, internal);
  return { shape, external: ids(external), internal: ids(internal), difference: diff.value, currency: diff.currency, evidence: evidence(pass, external, internal, score, note) };
}

/** Content of a record as far as copies go; a copy may be booked a few days later. */
function contentKey(r: PreparedRecord): string {
  return `${r.currency}|${r.amountKey}|${r.ref}|${r.party}|${r.text}`;
}

/** Groups with their earliest record's rank, so the output comes in canonical order. */
class RankedList<G> {
  private readonly items: G[] = [];
  private readonly first: number[] = [];

  add(group: G, records: readonly PreparedRecord[]): void {
    let first = Infinity;
    for (const r of records) if (r.rank < first) first = r.rank;
    this.items.push(group);
    this.first.push(first);
  }

  inOrder(): G[] {
    return this.items.map((_, i) => i).sort((a, b) => this.first[a]! - this.first[b]!).map((i) => this.items[i]!);
  }
}

export function matchRecords(input: MatchInput, config: MatchConfig = DEFAULT_MATCH_CONFIG): MatchResult {
  const external = prepareRecords(input.external, 'external');
  const internal = prepareRecords(input.internal, 'internal', external.length);
  // Ranks across both sides, so groups can be ordered by their earliest record.
  // Both sides are already in canonical order: merge them instead of sorting again.
  for (let x = 0, y = 0, rank = 0; x < external.length || y < internal.length; rank++) {
    if (y >= internal.length || (x < external.length && compareRecords(external[x]!, internal[y]!) <= 0)) external[x++]!.rank = rank;
    else internal[y++]!.rank = rank;
  }
  const used = new UsedRecords(external.length + internal.length);
  const matches = new RankedList<MatchGroup>();
  const breaks = new RankedList<MatchBreak>();
  const keep = <G>(list: RankedList<G>, group: G, records: readonly PreparedRecord[]) => list.add(group, records);
  // Cash passes see cash records only: a trade never matches on its amount alone.
  const free = (records: readonly PreparedRecord[]) => records.filter((r) => !r.security && !used.has(r.uid));

  const runPairing = (pass: MatchPass, candidates: Candidate[], onPair: (c: Candidate) => void) => {
    const { pairs, ambiguous } = pairCandidates(candidates, used);
    for (const c of pairs) onPair(c);
    for (const a of ambiguous) keep(breaks, toBreak('ambiguous', pass, a.external, a.internal, 0.5, `${a.external.length + a.internal.length} records with equally good counterparts`), [...a.external, ...a.internal]);
  };

  // Securities first: their records carry an identifier and compare on more than amounts.
  const securities = matchSecurities(external.filter((r) => r.security), internal.filter((r) => r.security), used, config);
  for (const { candidate: c, differences, pass } of securities.pairs) {
    const agreed = TRADE_FIELDS.filter((f) => !differences.some((d) => d.field === f));
    const proof = { pass, agreed, differences, score: Math.round(c.score * 1000) / 1000 };
    if (differences.length === 0 && pass === 'securities') keep(matches, { external: [c.external.id], internal: [c.internal.id], evidence: proof }, [c.external, c.internal]);
    else keep(breaks, { ...toBreak('pair', pass, [c.external], [c.internal], c.score), evidence: proof }, [c.external, c.internal]);
  }
  for (const a of securities.ambiguous) keep(breaks, toBreak('ambiguous', 'securities', a.external, a.internal, 0.5, 'equally good counterparts'), [...a.external, ...a.internal]);

  runPairing('exact', exactCandidates(free(external), free(internal), config), (c) =>
    keep(matches, { external: [c.external.id], internal: [c.internal.id], evidence: evidence('exact', [c.external], [c.internal], c.score) }, [c.external, c.internal]),
  );
  runPairing('strong', strongCandidates(free(external), free(internal), config), (c) =>
    keep(breaks, toBreak('pair', 'strong', [c.external], [c.internal], c.score, 'amount and date agree, references differ'), [c.external, c.internal]),
  );
  runPairing('tolerance', toleranceCandidates(free(external), free(internal), config), (c) =>
    keep(breaks, toBreak('pair', 'tolerance', [c.external], [c.internal], c.score, 'reference agrees, amount differs within tolerance'), [c.external, c.internal]),
  );

  for (const oneSide of ['external', 'internal'] as const) {
    const [ones, others] = oneSide === 'external' ? [free(external), free(internal)] : [free(internal), free(external)];
    for (const g of aggregateGroups(ones, others, oneSide, used, config)) {
      const [ext, int] = oneSide === 'external' ? [[g.one], g.many] : [g.many, [g.one]];
      const note = `${oneSide === 'external' ? '1:' : ''}${g.many.length}${oneSide === 'internal' ? ':1' : ''} group on ${g.sharedKey}${g.complete ? '' : ' (search stopped at its bound)'}`;
      // A tied group is a match only when every member shares the one record's reference exactly
      // (normalized): blocking is looser, so instalments "INV-1 RATE 1" + "INV-1 RATE 2" against "INV-1" stay a break.
      if (g.one.ref !== '' && g.many.every((m) => m.ref === g.one.ref)) keep(matches, { external: ids(ext), internal: ids(int), evidence: evidence('aggregation', ext, int, 0.95, note) }, [...ext, ...int]);
      else keep(breaks, toBreak('aggregate', 'aggregation', ext, int, 0.75, note), [...ext, ...int]);
    }
  }

  runPairing('near_miss', nearMissCandidates(free(external), free(internal), config), (c) =>
    keep(breaks, toBreak('pair', 'near_miss', [c.external], [c.internal], c.score), [c.external, c.internal]),
  );

  // Leftovers: a later copy of a record on the same side is a duplicate; the rest are one-sided.
  for (const side of [external, internal]) {
    // Only amounts that a leftover carries can hold its earlier copy.
    const leftoverAmounts = new Set(side.filter((r) => !used.has(r.uid)).map((r) => r.amountKey));
    const seenByContent = new Map<string, PreparedRecord[]>();
    for (const r of side) {
      if (!leftoverAmounts.has(r.amountKey)) continue;
      const key = contentKey(r);
      const earlier = seenByContent.get(key) ?? [];
      const first = earlier.find((e) => r.day - e.day <= config.dateWindowDays);
      if (earlier.length === 0) seenByContent.set(key, earlier);
      earlier.push(r);
      if (used.has(r.uid)) continue;
      used.add(r.uid);
      const [ext, int] = r.side === 'external' ? [[r], []] : [[], [r]];
      if (first) keep(breaks, toBreak('duplicate', 'duplicate', ext, int, 0.9, `same as ${first.id}`), [r]);
      else keep(breaks, toBreak('one_sided', 'leftover', ext, int, 1), [r]);
    }
  }

  return { matches: matches.inOrder(), breaks: breaks.inOrder() };
}
