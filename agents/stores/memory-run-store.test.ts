import { describe, expect, it } from 'vitest';
import type { BreakContext } from '../../core/breaks/break-context.ts';
import type { BreakSuggestion } from '../../core/breaks/suggestion.ts';
import { DEFAULT_MATCH_CONFIG } from '../../core/match/match-config.ts';
import type { PersistedBreak, RememberedDecision } from '../../core/ports/run-store.ts';
import type { CanonicalRecord } from '../../core/records/canonical-record.ts';
import { createMemoryRunStore } from './memory-run-store.ts';

const record = (id: string, side: 'external' | 'internal', amount: string): CanonicalRecord => ({ id, side, account: 'DE89', date: '2026-10-30', amount, currency: 'EUR' });

/** A fee pair break as the agent graph hands it over. */
function persisted(id: string, options: { autoApproved?: boolean; suggestion?: Partial<BreakSuggestion> } = {}): PersistedBreak {
  const { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities } = DEFAULT_MATCH_CONFIG;
  const context: BreakContext = {
    id,
    fingerprint: `fp:${id}`,
    shape: 'pair',
    domain: 'cash',
    asOf: '2026-10-31',
    external: [record(`${id}:e`, 'external', '-1015.00')],
    internal: [record(`${id}:i`, 'internal', '-1000.00')],
    difference: '-15.00',
    currency: 'EUR',
    evidence: { pass: 'tolerance', agreed: ['reference'], differences: [], score: 0.8 },
    config: { dateWindowDays, clearingWindowDays, roundingMinorUnits, securities },
  };
  const suggestion: BreakSuggestion = {
    breakId: id,
    fingerprint: context.fingerprint,
    type: 'fee_deduction',
    cause: 'wire_fee_deducted',
    resolution: { action: 'match_with_adjustment', external: [`${id}:e`], internal: [`${id}:i`], account: 'bank_charges', amount: '-15.00', currency: 'EUR' },
    confidence: 0.9,
    rationale: { classify: 'c', rootCause: 'r', suggest: 's' },
    evidence: [],
    source: 'rules',
    verification: { ok: true, checks: [] },
    promptVersion: 'rules@1',
    tokens: {},
    ...options.suggestion,
  };
  return { context, suggestion, autoApproved: options.autoApproved ?? false };
}

const start = { runId: 'run-1', domain: 'cash' as const, asOf: '2026-10-31', mode: 'rules' as const, jobId: 'job-1' };
const group = { external: ['x:e'], internal: ['x:i'], evidence: { pass: 'exact' as const, agreed: ['amount'], differences: [], score: 1 } };

describe('createMemoryRunStore', () => {
  it('starts a run once and marks it running again on a second start', async () => {
    const store = createMemoryRunStore();
    await store.startRun(start);
    await store.finishRun('run-1', { status: 'failed', stats: {}, tokensIn: 0, tokensOut: 0, cost: '0', error: 'boom' });
    await store.startRun({ ...start, jobId: undefined });
    expect(store.runs.size).toBe(1);
    expect(store.runs.get('run-1')).toEqual({ start, status: 'running', attempts: 2 });
  });

  it('stores match groups once per run', async () => {
    const store = createMemoryRunStore();
    await store.startRun(start);
    await store.saveMatches('run-1', [group]);
    await store.saveMatches('run-1', [group, group]);
    expect(store.matches.get('run-1')).toEqual([group]);
  });

  it('stores each break once per run, and auto-approved ones as approved with an auto_approve decision', async () => {
    const store = createMemoryRunStore();
    await store.startRun(start);
    const batch = [persisted('b0'), persisted('b1', { autoApproved: true })];
    await store.saveBreaks('run-1', batch);
    await store.saveBreaks('run-1', [...batch, persisted('b2')]);
    const stored = store.breaks.get('run-1')!;
    expect([...stored.keys()]).toEqual(['b0', 'b1', 'b2']);
    expect(stored.get('b0')).toMatchObject({ status: 'suggested', runId: 'run-1' });
    expect(stored.get('b0')).not.toHaveProperty('decision');
    expect(stored.get('b1')).toMatchObject({ status: 'approved', decision: 'auto_approve' });
  });

  it('stores none of a batch it refuses', async () => {
    const store = createMemoryRunStore();
    await store.startRun(start);
    const mispaired = persisted('b1', { suggestion: { breakId: 'b9' } });
    await expect(store.saveBreaks('run-1', [persisted('b0'), mispaired])).rejects.toMatchObject({ code: 'validation_failed' });
    expect(store.breaks.get('run-1')?.size ?? 0).toBe(0);
    await expect(store.saveBreaks('run-2', [persisted('b0')])).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.saveMatches('run-2', [group])).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the totals when a run finishes', async () => {
    const store = createMemoryRunStore();
    await store.startRun(start);
    const totals = { status: 'completed' as const, stats: { breaks: 2 }, tokensIn: 120, tokensOut: 30, cost: '0.0042' };
    await store.finishRun('run-1', totals);
    expect(store.runs.get('run-1')).toMatchObject({ status: 'completed', totals });
    await expect(store.finishRun('run-2', totals)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('remembers the latest seeded human approval per fingerprint, and nothing from auto-approved breaks', async () => {
    const older: RememberedDecision = { fingerprint: 'fp:fee', type: 'fee_deduction', cause: 'wire_fee_deducted', resolution: { action: 'escalate', reason: 'unsure' }, approvals: 1 };
    const newer: RememberedDecision = { ...older, resolution: { action: 'post_journal', account: 'bank_charges', amount: '-15.00', currency: 'EUR' }, approvals: 3 };
    const store = createMemoryRunStore({ decisions: [older, newer] });
    await store.startRun(start);
    await store.saveBreaks('run-1', [persisted('auto', { autoApproved: true })]);
    const memory = await store.rememberedDecisions(['fp:fee', 'fp:auto', 'fp:unknown']);
    expect([...memory.entries()]).toEqual([['fp:fee', newer]]);
    store.remember({ ...older, fingerprint: 'fp:later' });
    expect((await store.rememberedDecisions(['fp:later'])).get('fp:later')).toMatchObject({ approvals: 1 });
  });
});
