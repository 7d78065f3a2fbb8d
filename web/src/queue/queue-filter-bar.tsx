/** The queue's filters and sort: each control writes straight to the URL, which the queue reads. */
import { For } from 'solid-js';
import { EXCEPTION_STATUSES, SUGGESTION_SOURCES } from '../../../core/statuses.ts';
import { BREAK_TYPE_INFO, BREAK_TYPES } from '../../../core/taxonomy/break-types.ts';
import { SOURCE_LABEL, statusLabel } from './queue-format.ts';
import { AWAITING_STATUSES, type QueueFilters } from './queue-filters.ts';

export interface FilterBarProps {
  readonly filters: QueueFilters;
  readonly onChange: (patch: Partial<QueueFilters>) => void;
  readonly onClear: () => void;
}

const AWAITING = 'awaiting';
const DECIMAL = /^\d+(\.\d+)?$/;

/** An empty or well-formed decimal; a half-typed value leaves the filter as it was until it parses. */
function decimalOrNone(value: string): string | undefined | null {
  const v = value.trim();
  if (v === '') return undefined;
  return DECIMAL.test(v) ? v : null;
}

export function QueueFilterBar(props: FilterBarProps) {
  const statusValue = () => (props.filters.status.length === AWAITING_STATUSES.length && AWAITING_STATUSES.every((s) => props.filters.status.includes(s)) ? AWAITING : props.filters.status.join(','));
  const decimalInput = (label: string, key: 'minAmount' | 'maxAmount' | 'minConfidence' | 'maxConfidence', hint: string) => (
    <label class="filter">
      <span>{label}</span>
      <input
        type="text"
        inputmode="decimal"
        placeholder={hint}
        value={props.filters[key] ?? ''}
        onChange={(e) => {
          const v = decimalOrNone(e.currentTarget.value);
          if (v !== null) props.onChange({ [key]: v });
        }}
      />
    </label>
  );
  return (
    <form class="filters" role="search" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
      <label class="filter">
        <span>Status</span>
        <select value={statusValue()} onChange={(e) => props.onChange({ status: e.currentTarget.value === AWAITING ? AWAITING_STATUSES : (e.currentTarget.value.split(',') as QueueFilters['status']) })}>
          <option value={AWAITING}>Awaiting a decision</option>
          <For each={EXCEPTION_STATUSES}>{(s) => <option value={s}>{statusLabel(s)}</option>}</For>
        </select>
      </label>
      <label class="filter">
        <span>Type</span>
        <select value={props.filters.type.join(',')} onChange={(e) => props.onChange({ type: e.currentTarget.value ? (e.currentTarget.value.split(',') as QueueFilters['type']) : [] })}>
          <option value="">All types</option>
          <For each={BREAK_TYPES}>{(t) => <option value={t}>{BREAK_TYPE_INFO[t].label}</option>}</For>
        </select>
      </label>
      <label class="filter filter--wide">
        <span>Account</span>
        <input type="search" placeholder="Any account" value={props.filters.account} onInput={(e) => props.onChange({ account: e.currentTarget.value })} />
      </label>
      <label class="filter">
        <span>Source</span>
        <select value={props.filters.source.join(',')} onChange={(e) => props.onChange({ source: e.currentTarget.value ? (e.currentTarget.value.split(',') as QueueFilters['source']) : [] })}>
          <option value="">All sources</option>
          <For each={SUGGESTION_SOURCES}>{(s) => <option value={s}>{SOURCE_LABEL[s]}</option>}</For>
        </select>
      </label>
      {decimalInput('Confidence from', 'minConfidence', '0.8')}
      {decimalInput('Amount from', 'minAmount', '100.00')}
      {decimalInput('Amount to', 'maxAmount', '')}
      <label class="filter filter--narrow">
        <span>Age ≥ days</span>
        <input
          type="number"
          min="0"
          max="36500"
          value={props.filters.minAgeDays ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value.trim();
            if (v === '' || /^\d{1,5}$/.test(v)) props.onChange({ minAgeDays: v === '' ? undefined : Number(v) });
          }}
        />
      </label>
      <label class="filter">
        <span>Sort</span>
        <select
          value={`${props.filters.sort}:${props.filters.order}`}
          onChange={(e) => {
            const [sort, order] = e.currentTarget.value.split(':') as [QueueFilters['sort'], QueueFilters['order']];
            props.onChange({ sort, order });
          }}
        >
          <option value="openedAt:asc">Oldest first</option>
          <option value="openedAt:desc">Newest first</option>
          <option value="amount:desc">Largest amount</option>
          <option value="amount:asc">Smallest amount</option>
          <option value="confidence:asc">Least sure first</option>
          <option value="confidence:desc">Surest first</option>
        </select>
      </label>
      <label class="filter filter--check">
        <input type="checkbox" checked={props.filters.verified === true} onChange={(e) => props.onChange({ verified: e.currentTarget.checked ? true : undefined })} />
        <span>Verified only</span>
      </label>
      <button type="button" class="button button--quiet" onClick={() => props.onClear()}>
        Clear filters
      </button>
    </form>
  );
}
