import { describe, expect, it } from 'vitest';
import { applyJobId, nightlyJobId, partitionJobId } from './job-ids.ts';
import { nightlyQueuePayloadSchema, partitionPayloadSchema } from './job-payloads.ts';

describe('job payloads and ids', () => {
  it('parses a trigger and a run, and refuses anything else with the field named', () => {
    expect(nightlyQueuePayloadSchema.parse({ kind: 'trigger', reconciliationId: 'ops' })).toEqual({ kind: 'trigger', reconciliationId: 'ops' });
    const run = nightlyQueuePayloadSchema.parse({ kind: 'run', reconciliationId: 'ops', asOf: '2026-10-31', runId: '00000000-0000-4000-8000-000000000000' });
    expect(run).toMatchObject({ requestedBy: 'system' });
    const bad = nightlyQueuePayloadSchema.safeParse({ kind: 'run', reconciliationId: 'ops', asOf: '31.10.2026', runId: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['asOf', 'runId']));
    expect(partitionPayloadSchema.safeParse({ reconciliationId: 'ops' }).success).toBe(false);
  });
  it('derives ids without the separator BullMQ refuses', () => {
    for (const id of [nightlyJobId('ops', '2026-10-31'), partitionJobId('00000000-0000-4000-8000-000000000000', 'date=2026-10-01..2026-10-07'), applyJobId('00000000-0000-4000-8000-000000000000')]) expect(id).not.toContain(':');
    expect(nightlyJobId('ops', '2026-10-31')).toBe(nightlyJobId('ops', '2026-10-31'));
  });
});
