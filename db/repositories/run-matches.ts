/**
 * Stores a run's auto-cleared match groups. A run matches once, so the groups
 * of a run are written in one go: a second call (a resumed run, a retried
 * job) finds groups already there and writes nothing. The run row is locked
 * first, so two concurrent calls cannot both see "no groups yet" (`no key
 * update`: it excludes a second saveMatches but not the key-share locks that
 * saveBreaks' foreign keys take, so the two never wait on each other).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { MatchGroup } from '../../core/match/match-types.ts';
import type { Database } from '../client.ts';
import { matchGroups } from '../schema/match-groups.ts';
import { runs } from '../schema/runs.ts';
import { runNotFound, runStoreFailure } from './run-errors.ts';

/**
 * Rows go in as one JSON document per chunk (json_populate_recordset), like
 * imported records: one bind parameter per statement however many groups a
 * run has, so no chunk ever reaches the protocol's 65 535-parameter limit.
 */
const CHUNK = 5000;

interface GroupRow {
  readonly id: string;
  readonly run_id: string;
  readonly pass: string;
  readonly status: 'auto';
  readonly score: string;
  readonly evidence: Record<string, unknown>;
}

interface GroupRecordRow {
  readonly group_id: string;
  readonly record_id: string;
  readonly side: 'external' | 'internal';
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function saveRunMatches(db: Database, runId: string, matches: readonly MatchGroup[]): Promise<void> {
  const groups: GroupRow[] = [];
  const members: GroupRecordRow[] = [];
  const groupOfRecord = new Map<string, number>();
  matches.forEach((m, i) => {
    const id = randomUUID();
    // Scores are 0–1 engine scores, not money; String() is their exact shortest form.
    groups.push({ id, run_id: runId, pass: m.evidence.pass, status: 'auto', score: String(m.evidence.score), evidence: { ...m.evidence } });
    for (const recordId of m.external) {
      members.push({ group_id: id, record_id: recordId, side: 'external' });
      groupOfRecord.set(recordId, i);
    }
    for (const recordId of m.internal) {
      members.push({ group_id: id, record_id: recordId, side: 'internal' });
      groupOfRecord.set(recordId, i);
    }
  });
  try {
    await db.transaction(async (tx) => {
      const [run] = await tx.select({ id: runs.id }).from(runs).where(eq(runs.id, runId)).for('no key update');
      if (!run) throw runNotFound(runId, 'saving matches');
      const [existing] = await tx.select({ id: matchGroups.id }).from(matchGroups).where(eq(matchGroups.runId, runId)).limit(1);
      if (existing || groups.length === 0) return;
      for (const chunk of chunks(groups, CHUNK)) {
        await tx.execute(sql`insert into match_groups (id, run_id, pass, status, score, evidence)
          select id, run_id, pass, status, score, evidence from json_populate_recordset(null::match_groups, ${JSON.stringify(chunk)}::json)`);
      }
      for (const chunk of chunks(members, CHUNK)) {
        await tx.execute(sql`insert into match_group_records (group_id, record_id, side)
          select group_id, record_id, side from json_populate_recordset(null::match_group_records, ${JSON.stringify(chunk)}::json)`);
      }
    });
  } catch (error) {
    throw runStoreFailure(error, {
      runId,
      operation: 'saving matches',
      ownerOf: (recordId) => {
        const index = groupOfRecord.get(recordId);
        return index === undefined ? undefined : `match group ${index}`;
      },
    });
  }
}
