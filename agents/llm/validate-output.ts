/**
 * Checks a batch answer before anything downstream sees it, in the order
 * that gives the most useful reason: the answer's shape (`invalid_output`),
 * then the ids — each id of the batch answered exactly once and no other
 * (`unknown_ids`) — then the labels against the taxonomy (`unknown_labels`),
 * then core's output schema (`invalid_output`). Outputs come back in the
 * batch's order.
 */
import type { z } from 'zod';
import { classificationSchema, resolutionProposalSchema, rootCauseSchema, type Classification, type ResolutionProposal, type RootCauseFinding } from '../../core/breaks/agent-outputs.ts';
import type { ErrorIssue } from '../../core/errors/app-error.ts';
import { ACCOUNT_ROLES } from '../../core/taxonomy/account-roles.ts';
import { CORRECTABLE_FIELDS, RESOLUTION_ACTIONS } from '../../core/taxonomy/actions.ts';
import { BREAK_TYPES, type BreakType } from '../../core/taxonomy/break-types.ts';
import { isCauseOfType, ROOT_CAUSES, type RootCause } from '../../core/taxonomy/root-causes.ts';
import { toResolution, type FlatResolution } from '../../prompts/suggest/suggest-output.ts';
import { llmError } from './llm-errors.ts';

type Result = Record<string, unknown>;

const issuesOf = (error: z.ZodError, prefix: string): ErrorIssue[] => error.issues.slice(0, 20).map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));

/** Step 1 and 2: an object with `results`, each with a string breakId, covering exactly the batch. */
export function resultsInBatchOrder(answer: unknown, ids: readonly string[]): Result[] {
  const results = (answer as { results?: unknown } | null)?.results;
  if (!answer || typeof answer !== 'object' || !Array.isArray(results)) throw llmError('invalid_output', 'LLM answer has no results list');
  const bad = results.findIndex((r) => !r || typeof r !== 'object' || typeof (r as Result).breakId !== 'string');
  if (bad !== -1) throw llmError('invalid_output', `LLM result ${bad} has no breakId`, { index: bad });
  const wanted = new Set(ids);
  const byId = new Map<string, Result>();
  const unknown: string[] = [];
  const duplicated: string[] = [];
  for (const r of results as Result[]) {
    const id = r.breakId as string;
    if (!wanted.has(id)) unknown.push(id);
    else if (byId.has(id)) duplicated.push(id);
    else byId.set(id, r);
  }
  const missing = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0 || duplicated.length > 0 || missing.length > 0) {
    throw llmError('unknown_ids', `LLM answered the wrong break ids (unknown ${unknown.length}, duplicated ${duplicated.length}, missing ${missing.length})`, {
      unknown: unknown.slice(0, 20),
      duplicated: duplicated.slice(0, 20),
      missing: missing.slice(0, 20),
    });
  }
  return ids.map((id) => byId.get(id)!);
}

/** Free text beyond core's limits is clipped rather than failing a whole batch over a long sentence. */
function clipText(r: Result): Result {
  const out: Result = { ...r };
  if (typeof out.rationale === 'string') out.rationale = out.rationale.trim().slice(0, 1000);
  if (Array.isArray(out.evidence)) out.evidence = out.evidence.filter((e) => typeof e === 'string' && e.trim() !== '').slice(0, 10).map((e: string) => e.trim().slice(0, 300));
  if (out.evidence === undefined && 'evidence' in out) delete out.evidence;
  return out;
}

function strict<T>(schema: z.ZodType<T>, r: Result): T {
  const parsed = schema.safeParse(r);
  if (!parsed.success) throw llmError('invalid_output', `LLM result for ${String(r.breakId)} does not fit the output schema`, { breakId: r.breakId }, parsed.error);
  return parsed.data;
}

function labelsFailed(problems: string[]): void {
  if (problems.length > 0) throw llmError('unknown_labels', `LLM used labels outside the taxonomy: ${problems.slice(0, 5).join('; ')}`, { problems: problems.slice(0, 20) });
}

const inList = (list: readonly string[], value: unknown): boolean => typeof value === 'string' && list.includes(value);

export function validateClassifications(answer: unknown, ids: readonly string[]): Classification[] {
  const results = resultsInBatchOrder(answer, ids);
  labelsFailed(results.filter((r) => !inList(BREAK_TYPES, r.type)).map((r) => `${String(r.breakId)}: type ${JSON.stringify(r.type)}`));
  return results.map((r) => strict(classificationSchema, clipText({ evidence: [], ...r })));
}

export function validateRootCauses(answer: unknown, items: readonly { breakId: string; type: BreakType }[]): RootCauseFinding[] {
  const results = resultsInBatchOrder(answer, items.map((i) => i.breakId));
  const problems: string[] = [];
  results.forEach((r, i) => {
    const type = items[i]!.type;
    if (!inList(ROOT_CAUSES, r.cause)) problems.push(`${String(r.breakId)}: cause ${JSON.stringify(r.cause)}`);
    else if (!isCauseOfType(r.cause as RootCause, type)) problems.push(`${String(r.breakId)}: ${String(r.cause)} is not a cause of ${type}`);
  });
  labelsFailed(problems);
  return results.map((r) => strict(rootCauseSchema, clipText({ evidence: [], ...r })));
}

export function validateProposals(answer: unknown, ids: readonly string[]): ResolutionProposal[] {
  const results = resultsInBatchOrder(answer, ids);
  const problems: string[] = [];
  for (const r of results) {
    const res = r.resolution as Result | undefined;
    if (!res || typeof res !== 'object') continue; // a shape problem, reported by the schema below
    if (!inList(RESOLUTION_ACTIONS, res.action)) problems.push(`${String(r.breakId)}: action ${JSON.stringify(res.action)}`);
    if (res.account !== undefined && res.account !== null && !inList(ACCOUNT_ROLES, res.account)) problems.push(`${String(r.breakId)}: account ${JSON.stringify(res.account)}`);
    if (res.field !== undefined && res.field !== null && !inList(CORRECTABLE_FIELDS, res.field)) problems.push(`${String(r.breakId)}: field ${JSON.stringify(res.field)}`);
  }
  labelsFailed(problems);
  return results.map((r) => {
    const res = r.resolution;
    if (!res || typeof res !== 'object') throw llmError('invalid_output', `LLM result for ${String(r.breakId)} has no resolution`, { breakId: r.breakId });
    const converted = toResolution(res as FlatResolution);
    if (!converted.success) {
      throw llmError('invalid_output', `LLM resolution for ${String(r.breakId)} has invalid parameters`, { breakId: r.breakId, issues: issuesOf(converted.error, 'resolution') }, converted.error);
    }
    return strict(resolutionProposalSchema, clipText({ ...r, resolution: converted.data }));
  });
}
