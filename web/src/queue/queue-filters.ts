/**
 * The queue's filters and sort as the URL holds them (so a view can be
 * bookmarked and shared), and as the API takes them. The names are the
 * API's query names (GET /api/exceptions). `account` is the one exception:
 * the API matches accounts exactly, so the queue narrows the loaded rows by
 * the typed text itself, at once on each keystroke.
 */
import { EXCEPTION_STATUSES, SUGGESTION_SOURCES, type ExceptionStatus, type SuggestionSource } from '../../../core/statuses.ts';
import { BREAK_TYPES, type BreakType } from '../../../core/taxonomy/break-types.ts';
import type { ExceptionListItem } from '../api/types.ts';

export const QUEUE_SORTS = ['openedAt', 'amount', 'confidence'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** What "the queue" means when the URL names no status: everything still waiting for a person. */
export const AWAITING_STATUSES: readonly ExceptionStatus[] = ['open', 'suggested', 'edited', 'escalated'];

export interface QueueFilters {
  readonly status: readonly ExceptionStatus[];
  readonly type: readonly BreakType[];
  readonly source: readonly SuggestionSource[];
  readonly account: string;
  readonly verified?: boolean;
  readonly minConfidence?: string;
  readonly maxConfidence?: string;
  readonly minAmount?: string;
  readonly maxAmount?: string;
  readonly minAgeDays?: number;
  readonly maxAgeDays?: number;
  readonly sort: QueueSort;
  readonly order: 'asc' | 'desc';
}

export type SearchRecord = Readonly<Record<string, string | string[] | undefined>>;

const DECIMAL = /^\d+(\.\d+)?$/;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

function listOf<T extends string>(v: string | string[] | undefined, allowed: readonly T[]): T[] {
  const raw = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((s) => s.split(','));
  return raw.map((s) => s.trim()).filter((s): s is T => (allowed as readonly string[]).includes(s));
}

const decimal = (v: string | string[] | undefined) => {
  const s = first(v);
  return s !== undefined && DECIMAL.test(s) ? s : undefined;
};
const confidence = (v: string | string[] | undefined) => {
  const s = decimal(v);
  return s !== undefined && Number(s) <= 1 ? s : undefined;
};
const days = (v: string | string[] | undefined) => {
  const s = first(v);
  return s !== undefined && /^\d{1,5}$/.test(s) ? Number(s) : undefined;
};

/** Unknown or malformed values are dropped rather than sent on to become a 400. */
export function filtersFromSearch(search: SearchRecord): QueueFilters {
  const status = listOf(search.status, EXCEPTION_STATUSES);
  const sort = first(search.sort);
  const verified = first(search.verified);
  return {
    status: status.length > 0 ? status : AWAITING_STATUSES,
    type: listOf(search.type, BREAK_TYPES),
    source: listOf(search.source, SUGGESTION_SOURCES),
    account: first(search.account) ?? '',
    ...(verified === 'true' || verified === 'false' ? { verified: verified === 'true' } : {}),
    ...optional('minConfidence', confidence(search.minConfidence)),
    ...optional('maxConfidence', confidence(search.maxConfidence)),
    ...optional('minAmount', decimal(search.minAmount)),
    ...optional('maxAmount', decimal(search.maxAmount)),
    ...optional('minAgeDays', days(search.minAgeDays)),
    ...optional('maxAgeDays', days(search.maxAgeDays)),
    sort: (QUEUE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as QueueSort) : 'openedAt',
    order: first(search.order) === 'desc' ? 'desc' : 'asc',
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The URL's query for these filters: every key present, undefined for the
 * defaults, so the router's merge clears a filter that was removed.
 */
export function searchFromFilters(f: QueueFilters): Record<string, string | undefined> {
  const join = (list: readonly string[]) => (list.length > 0 ? list.join(',') : undefined);
  return {
    status: sameList(f.status, AWAITING_STATUSES) ? undefined : join(f.status),
    type: join(f.type),
    source: join(f.source),
    account: f.account.trim() || undefined,
    verified: f.verified === undefined ? undefined : String(f.verified),
    minConfidence: f.minConfidence,
    maxConfidence: f.maxConfidence,
    minAmount: f.minAmount,
    maxAmount: f.maxAmount,
    minAgeDays: f.minAgeDays === undefined ? undefined : String(f.minAgeDays),
    maxAgeDays: f.maxAgeDays === undefined ? undefined : String(f.maxAgeDays),
    sort: f.sort === 'openedAt' ? undefined : f.sort,
    order: f.order === 'asc' ? undefined : f.order,
  };
}

/** The API query of one page (the server-side filters only; `account` stays in the browser). */
export function apiQuery(f: QueueFilters, limit: number, cursor?: string): URLSearchParams {
  const q = new URLSearchParams();
  const { account: _account, ...server } = searchFromFilters(f);
  q.set('status', f.status.join(','));
  for (const [key, value] of Object.entries(server)) if (value !== undefined && key !== 'status') q.set(key, value);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return q;
}

/** A server-side key: a change of it means loading again; `account` narrows what is loaded. */
export function serverKey(f: QueueFilters): string {
  return apiQuery(f, 1).toString();
}

export function matchesAccount(item: ExceptionListItem, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || item.account.toLowerCase().includes(needle);
}
