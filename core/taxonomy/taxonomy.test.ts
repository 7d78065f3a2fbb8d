/**
 * The taxonomy in code must be exactly the contract: every type with its causes,
 * every action, every account role. The contract is read from its committed
 * copy in docs/contracts/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ROLES,
  ACCOUNT_ROLE_INFO,
  ACTIONS_BY_TYPE,
  ACTION_INFO,
  BREAK_TYPES,
  BREAK_TYPE_INFO,
  CAUSES_BY_TYPE,
  RESOLUTION_ACTIONS,
  ROOT_CAUSES,
  ROOT_CAUSE_INFO,
  isActionAllowed,
  isCauseOfType,
  resolutionSchema,
} from './index.ts';

const contract = readFileSync(new URL('../../docs/contracts/taxonomy.md', import.meta.url), 'utf8');

function section(title: string): string {
  const start = contract.indexOf(`## ${title}`);
  const end = contract.indexOf('\n## ', start + 1);
  return contract.slice(start, end === -1 ? undefined : end);
}

const codes = (text: string): string[] => [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);

function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

describe('taxonomy matches the contract', () => {
  const typeRows = tableRows(section('Break types'));

  it('has exactly the contract break types, in order', () => {
    expect(typeRows.length).toBe(21);
    expect([...BREAK_TYPES]).toEqual(typeRows.map((r) => codes(r[0]!)[0]));
  });

  it('has exactly the contract causes per type', () => {
    for (const row of typeRows) {
      const type = codes(row[0]!)[0] as (typeof BREAK_TYPES)[number];
      expect([...CAUSES_BY_TYPE[type]], type).toEqual(codes(row[2]!));
    }
    const all = new Set(typeRows.flatMap((r) => codes(r[2]!)));
    expect(new Set(ROOT_CAUSES)).toEqual(new Set([...all, 'unknown']));
  });

  it('has exactly the contract actions and their parameters', () => {
    const rows = tableRows(section('Resolution actions'));
    expect([...RESOLUTION_ACTIONS]).toEqual(rows.map((r) => codes(r[0]!)[0]));
    for (const row of rows) {
      const action = codes(row[0]!)[0]!;
      const params = [...row[1]!.matchAll(/`([a-zA-Z]+)(\[\])?`/g)].map((m) => m[1]!);
      const option = resolutionSchema.options.find((o) => o.shape.action.value === action);
      expect(option, action).toBeDefined();
      expect(Object.keys(option!.shape).filter((k) => k !== 'action').sort(), action).toEqual(params.sort());
    }
  });

  it('has exactly the contract account roles', () => {
    const line = contract.slice(contract.indexOf('Account roles'), contract.indexOf('Amounts in a resolution'));
    expect([...ACCOUNT_ROLES]).toEqual(codes(line));
  });
});

describe('taxonomy helpers', () => {
  it('labels and describes every code', () => {
    for (const t of BREAK_TYPES) expect(BREAK_TYPE_INFO[t].label.length).toBeGreaterThan(2);
    for (const c of ROOT_CAUSES) expect(ROOT_CAUSE_INFO[c].description.length).toBeGreaterThan(5);
    for (const a of RESOLUTION_ACTIONS) expect(ACTION_INFO[a].label.length).toBeGreaterThan(2);
    for (const r of ACCOUNT_ROLES) expect(ACCOUNT_ROLE_INFO[r].label.length).toBeGreaterThan(2);
  });

  it('accepts unknown as a cause of any type, and only listed causes otherwise', () => {
    expect(isCauseOfType('unknown', 'sign_error')).toBe(true);
    expect(isCauseOfType('debit_credit_swapped', 'sign_error')).toBe(true);
    expect(isCauseOfType('rounding', 'sign_error')).toBe(false);
  });

  it('allows escalate everywhere and the conventional resolution per type', () => {
    for (const t of BREAK_TYPES) expect(isActionAllowed(t, 'escalate')).toBe(true);
    expect(isActionAllowed('unbooked_fee', 'post_journal')).toBe(true);
    expect(isActionAllowed('unbooked_fee', 'reverse_entry')).toBe(false);
    expect(ACTIONS_BY_TYPE.duplicate_entry[0]).toBe('reverse_entry');
  });

  it('validates resolution parameters', () => {
    expect(
      resolutionSchema.parse({ action: 'post_journal', account: 'bank_charges', amount: '-12.50', currency: 'EUR' }),
    ).toMatchObject({ action: 'post_journal', amount: '-12.50' });
    const bad = resolutionSchema.safeParse({ action: 'post_journal', account: 'petty_cash', amount: '12,50', currency: 'EUR' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['account', 'amount']);
    expect(resolutionSchema.safeParse({ action: 'correct_entry', recordId: 'i1', field: 'colour', from: 'a', to: 'b' }).success).toBe(false);
  });
});
