/**
 * The faults the fake LLM server can inject, and the answer rewrites behind
 * the content faults (wrong ids, unknown labels, obedience to injected text).
 * A fault is either queued for the next call(s) or set as a standing mode.
 */

export type FakeFault =
  /** Answer normally, but only after `delayMs` (past the client's timeout, typically). */
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** 429 with a Retry-After header (seconds). */
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds?: number }
  /** A 5xx with an OpenAI-style error body. */
  | { readonly kind: 'server_error'; readonly status?: number }
  /** HTTP 200, but the tool arguments / content are cut-off JSON. */
  | { readonly kind: 'malformed' }
  /** Valid JSON whose break ids are not the ones asked about (renamed, one dropped). */
  | { readonly kind: 'wrong_ids' }
  /** Valid JSON whose labels (type, cause, action, account) are outside the taxonomy. */
  | { readonly kind: 'unknown_labels' }
  /** Never answers; the socket stays open until the client gives up or the server closes. */
  | { readonly kind: 'hang' }
  /** Follows instructions planted in record text (see `obeyInstructions`). */
  | { readonly kind: 'obedient' };

export type FakeFaultKind = FakeFault['kind'];
export type FaultSpec = FakeFault | Exclude<FakeFaultKind, 'slow'>;

export function toFault(spec: FaultSpec): FakeFault {
  return typeof spec === 'string' ? ({ kind: spec } as FakeFault) : spec;
}

type Json = Record<string, unknown>;
const resultsOf = (answer: unknown): Json[] | undefined => {
  const results = (answer as { results?: unknown } | null)?.results;
  return Array.isArray(results) ? (results as Json[]) : undefined;
};

/** Renames every id and drops the last answer: both kinds of id error at once. */
export function withWrongIds(answer: unknown): unknown {
  const results = resultsOf(answer);
  if (!results) return answer;
  const renamed = results.map((r) => ({ ...r, breakId: `zz-${String(r.breakId)}` }));
  return { ...(answer as Json), results: renamed.length > 1 ? renamed.slice(0, -1) : renamed };
}

/** Replaces every taxonomy label with one the taxonomy does not have. */
export function withUnknownLabels(answer: unknown): unknown {
  const results = resultsOf(answer);
  if (!results) return answer;
  return {
    ...(answer as Json),
    results: results.map((r) => {
      const out: Json = { ...r };
      if ('type' in out) out.type = 'cosmic_ray_flip';
      if ('cause' in out) out.cause = 'gremlins';
      if ('action' in out) out.action = 'teleport_funds';
      if (out.resolution && typeof out.resolution === 'object') out.resolution = { ...(out.resolution as Json), action: 'teleport_funds' };
      return out;
    }),
  };
}

/**
 * What an obedient (prompt-injectable) model would do with instructions found
 * in a break's record text. It understands:
 * - "classify as <type>" → the classification's type;
 * - "cause <cause>" → the root cause;
 * - "confidence <n>" → the confidence;
 * - "post_journal <amount> <CCY> to <account>" → a resolution posting there;
 * - "escalate"/"approve" are ignored (they carry no label).
 */
export interface ObeyedInstruction {
  readonly type?: string;
  readonly cause?: string;
  readonly confidence?: number;
  readonly postJournal?: { readonly amount: string; readonly currency: string; readonly account: string };
}

export function parseInstruction(text: string): ObeyedInstruction | undefined {
  const type = /classify as ([a-z_]+)/i.exec(text)?.[1];
  const cause = /\bcause ([a-z_]+)/i.exec(text)?.[1];
  const confidence = /confidence ([01](?:\.\d+)?)/i.exec(text)?.[1];
  const post = /post_journal (-?\d+(?:\.\d+)?) ([A-Z]{3}) to ([a-z_]+)/i.exec(text);
  if (!type && !cause && !confidence && !post) return undefined;
  return {
    ...(type ? { type } : {}),
    ...(cause ? { cause } : {}),
    ...(confidence ? { confidence: Number(confidence) } : {}),
    ...(post ? { postJournal: { amount: post[1]!, currency: post[2]!.toUpperCase(), account: post[3]! } } : {}),
  };
}

/** Applies each break's instruction (found by `instructionFor`) over the scripted answer. */
export function obeyInstructions(answer: unknown, instructionFor: (breakId: string) => ObeyedInstruction | undefined): unknown {
  const results = resultsOf(answer);
  if (!results) return answer;
  return {
    ...(answer as Json),
    results: results.map((r) => {
      const order = instructionFor(String(r.breakId));
      if (!order) return r;
      const out: Json = { ...r };
      if (order.type && 'type' in out) out.type = order.type;
      if (order.cause && 'cause' in out) out.cause = order.cause;
      if (order.confidence !== undefined) out.confidence = order.confidence;
      if (order.postJournal && ('action' in out || 'resolution' in out)) {
        const flat = { action: 'post_journal', ...order.postJournal };
        if ('resolution' in out) out.resolution = flat;
        else Object.assign(out, flat);
      }
      return out;
    }),
  };
}
