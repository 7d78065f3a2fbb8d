/**
 * Seeds the API benchmark's database in a few set-based statements: runs,
 * 100,000 exceptions spread over statuses, types, causes, accounts, sources,
 * amounts, confidences and 90 days of opening times, and one current
 * suggestion each (the queue shows its action). `generate_series` inserts
 * are the fast bulk path here: nothing leaves the server.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

export const BENCH_RECONCILIATION = 'bench-eur';
export const BENCH_ACCOUNTS = ['DE89370400440532013000', 'DE44500105175407324931', 'GB29NWBK60161331926819'] as const;

/** Three in eight are suggested (and four in five verified): what the queue and the approval cases read. */
const STATUSES = "array['suggested','suggested','suggested','open','approved','rejected','escalated','applied']::exception_status[]";
const TYPES = "array['timing_difference','unbooked_fee','fee_deduction','missing_internal','missing_external','amount_mismatch','duplicate_entry','rounding_difference','fx_difference','reference_mismatch']::break_type[]";
const CAUSES = "array['posting_lag','bank_service_charge','wire_fee_deducted','unrecorded_receipt','payment_not_executed','partial_payment','duplicate_import','rounding','fx_rate_source','reference_typo']::root_cause[]";

export async function seedApiBench(db: Database, count: number): Promise<void> {
  await db.execute(sql.raw(`insert into reconciliations (id, name, external_account, internal_account) values ('${BENCH_RECONCILIATION}', 'Bench EUR', '${BENCH_ACCOUNTS[0]}', 'GL-1000')`));
  await db.execute(sql.raw(`insert into runs (id, reconciliation_id, as_of, status, mode, started_at, finished_at)
    select gen_random_uuid(), '${BENCH_RECONCILIATION}', '2026-10-31', 'completed', 'rules', now(), now() from generate_series(1, 10)`));
  await db.execute(
    sql.raw(`with r as (select array_agg(id order by id) ids from runs)
    insert into exceptions (run_id, reconciliation_id, as_of, type, cause, status, account, currency, amount, difference, confidence, source, verified, fingerprint, break_key, current_suggestion_version, opened_at, updated_at)
    select r.ids[1 + i % 10], '${BENCH_RECONCILIATION}', '2026-10-31',
      (${TYPES})[1 + (i / 8) % 10], (${CAUSES})[1 + (i / 8) % 10], (${STATUSES})[1 + i % 8],
      (array['${BENCH_ACCOUNTS.join("','")}'])[1 + (i / 3) % 3], 'EUR',
      (((i::bigint * 7919) % 1000000) / 100.0)::numeric(12, 2)::text::numeric, (-((i::bigint * 7919) % 1000000) / 100.0)::numeric(12, 2)::text::numeric,
      ((i * 37) % 101) / 100.0, (array['rules','llm','memory','cache']::suggestion_source[])[1 + i % 4], i % 5 <> 1,
      'fp:' || (i % 5000), 'b' || i, 1,
      timestamptz '2026-10-31 18:00:00Z' - ((i * 7) % 129600) * interval '1 minute', now()
    from r, generate_series(1, ${count}) i`),
  );
  await db.execute(
    sql.raw(`insert into suggestions (exception_id, version, type, cause, action, resolution, rationale, confidence, source, verified, created_by)
    select id, 1, type, coalesce(cause, 'unknown'), 'carry_forward', '{"action":"carry_forward"}'::jsonb, 'Seeded for the API benchmark.', coalesce(confidence, 0.5), coalesce(source, 'rules'), verified, 'rules'
    from exceptions`),
  );
  await db.execute(sql`analyze`);
}
