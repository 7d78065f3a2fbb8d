import { describe, expect, it } from 'vitest';
import type { BreakSuggestion } from '../breaks/suggestion.ts';
import { decideAutoApproval, type AutoApprovalRule } from './auto-approval.ts';

const RULE: AutoApprovalRule = { enabled: true, maxAmount: '1000.00', minConfidence: 0.9, requireAgreement: true };

function suggestion(overrides: Partial<BreakSuggestion> = {}): BreakSuggestion {
  return {
    breakId: 'b1',
    fingerprint: 'f1',
    type: 'unbooked_fee',
    cause: 'bank_service_charge',
    resolution: { action: 'post_journal', recordIds: ['r1'], params: {} } as unknown as BreakSuggestion['resolution'],
    confidence: 0.97,
    rationale: { classify: '', rootCause: '', suggest: '' },
    evidence: [],
    source: 'rules',
    verification: { ok: true, checks: [] } as unknown as BreakSuggestion['verification'],
    promptVersion: 'rules@1',
    tokens: {},
    ...overrides,
  };
}

describe('decideAutoApproval', () => {
  it('approves a verified, sure, small suggestion when the policy is on', () => {
    expect(decideAutoApproval({ suggestion: suggestion(), rulesAgree: true, amountAtStake: '12.50' }, RULE)).toEqual({ approve: true });
  });

  it('refuses when off, unverified, a fallback, an escalation, too large, or the LLM and rules disagree', () => {
    const base = { rulesAgree: true, amountAtStake: '12.50' };
    expect(decideAutoApproval({ ...base, suggestion: suggestion() }, { ...RULE, enabled: false })).toMatchObject({ approve: false, why: 'auto-approval is off' });
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ verification: { ok: false } as unknown as BreakSuggestion['verification'] }) }, RULE)).toMatchObject({ approve: false, why: 'not verified' });
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ fallbackReason: 'timeout' }) }, RULE)).toMatchObject({ approve: false });
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ resolution: { action: 'escalate' } as unknown as BreakSuggestion['resolution'] }) }, RULE)).toMatchObject({ approve: false, why: 'escalations need a person' });
    expect(decideAutoApproval({ ...base, amountAtStake: '-1000.01', suggestion: suggestion() }, RULE)).toMatchObject({ approve: false, why: 'amount -1000.01 above 1000.00' });
    expect(decideAutoApproval({ ...base, rulesAgree: false, suggestion: suggestion({ source: 'llm' }) }, RULE)).toMatchObject({ approve: false, why: 'the LLM and the rules disagree' });
  });

  it('needs both the calibrated and the raw confidence above the minimum', () => {
    const base = { rulesAgree: true, amountAtStake: '12.50' };
    // A calibration fitted on easy cases lifted an unsure 0.7 to 0.99: still a person's call.
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ confidence: 0.99 }), rawConfidence: 0.7 }, RULE)).toEqual({ approve: false, why: 'confidence 0.7 below 0.9' });
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ confidence: 0.8 }), rawConfidence: 0.95 }, RULE)).toEqual({ approve: false, why: 'confidence 0.8 below 0.9' });
    expect(decideAutoApproval({ ...base, suggestion: suggestion({ confidence: 0.93 }), rawConfidence: 0.95 }, RULE)).toEqual({ approve: true });
  });
});
