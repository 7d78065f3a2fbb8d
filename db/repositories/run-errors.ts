/**
 * Turns the driver errors a run store can meet into AppErrors. A foreign-key
 * failure here is a programming error of the caller (a break naming a record
 * that was never imported, a run that was never started), so it gets a
 * message that says which one, instead of the server's bare constraint name.
 */
import { AppError } from '../../core/errors/app-error.ts';

interface DriverError {
  readonly code?: string;
  readonly constraint?: string;
  readonly constraint_name?: string;
  readonly detail?: string;
  readonly message?: string;
}

/** The first error in the cause chain that carries a SQLSTATE (drizzle wraps the driver's). */
function driverError(error: unknown): DriverError | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const candidate = e as DriverError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
  }
  return undefined;
}

/** The key value a PostgreSQL detail names: `Key (record_id)=(x:1) is not present in table "records".` → `x:1`. */
function keyValue(detail: string | undefined): string | undefined {
  return detail ? /Key \([^)]*\)=\((.*)\) is not present/.exec(detail)?.[1] : undefined;
}

export interface RunFailureContext {
  readonly runId: string;
  /** What the store was doing, e.g. "saving breaks"; starts the message. */
  readonly operation: string;
  /** For a missing record: which break (or group) named it. */
  readonly ownerOf?: (recordId: string) => string | undefined;
}

/** An AppError for the known failures, the error itself otherwise (kept as it is for the caller's error handler). */
export function runStoreFailure(error: unknown, context: RunFailureContext): unknown {
  if (error instanceof AppError) return error;
  const e = driverError(error);
  if (!e) return error;
  const constraint = e.constraint ?? e.constraint_name ?? '';
  const prefix = `Run ${context.runId}: ${context.operation} failed and stored nothing`;
  if (e.code === '23503' && constraint.endsWith('_record_id_records_id_fk')) {
    const recordId = keyValue(e.detail);
    const owner = recordId === undefined ? undefined : context.ownerOf?.(recordId);
    return new AppError(
      'validation_failed',
      `${prefix}: ${owner ?? 'an item'} names record ${recordId === undefined ? '(unknown)' : JSON.stringify(recordId)}, which is not in the records table; records must be imported before their breaks and matches are stored`,
      { cause: error, details: { runId: context.runId, recordId, owner } },
    );
  }
  if (e.code === '23503' && constraint.endsWith('_run_id_runs_id_fk')) {
    return new AppError('not_found', `${prefix}: the run does not exist; call startRun first`, { cause: error, details: { runId: context.runId } });
  }
  if (e.code === '23503' && constraint.endsWith('_reconciliation_id_reconciliations_id_fk')) {
    const reconciliationId = keyValue(e.detail);
    return new AppError('not_found', `${prefix}: reconciliation ${JSON.stringify(reconciliationId ?? '')} does not exist`, {
      cause: error,
      details: { runId: context.runId, reconciliationId },
    });
  }
  // A run id that is not a UUID: the column type refuses it.
  if (e.code === '22P02') {
    return new AppError('validation_failed', `${prefix}: ${e.message ?? 'invalid input syntax'}`, { cause: error, details: { runId: context.runId } });
  }
  return error;
}

export function runNotFound(runId: string, operation: string): AppError {
  return new AppError('not_found', `Run ${runId}: ${operation} failed: the run does not exist; call startRun first`, { details: { runId } });
}
