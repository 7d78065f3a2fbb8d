/** The audit log's filters, kept in the URL so a filtered view can be shared; applied on submit. */
import { For } from 'solid-js';
import { AUDIT_ENTITY_TYPES, type AuditFilters } from '../api/audit-api.ts';

/** `datetime-local` (no zone, read as UTC) ↔ the API's ISO time. */
export const localToIso = (value: string): string | undefined => (value ? `${value.length === 16 ? `${value}:00` : value}Z` : undefined);
export const isoToLocal = (iso: string | undefined): string => (iso ? iso.replace(/Z$/, '').slice(0, 16) : '');

export function AuditFilterForm(props: { value: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(data.get(key) ?? '').trim() || undefined;
    props.onApply({
      entityType: text('entityType'),
      entityId: text('entityId'),
      actor: text('actor'),
      action: text('action'),
      from: localToIso(text('from') ?? ''),
      to: localToIso(text('to') ?? ''),
      order: text('order') === 'asc' ? 'asc' : 'desc',
    });
  };
  return (
    <form class="ops-panel" aria-labelledby="audit-filter-title" onSubmit={submit} data-testid="audit-filters">
      <h2 id="audit-filter-title">Filter</h2>
      <div class="form-grid">
        <div class="field">
          <label for="audit-entity-type">Entity type</label>
          <select id="audit-entity-type" name="entityType" value={props.value.entityType ?? ''}>
            <option value="">Any</option>
            <For each={AUDIT_ENTITY_TYPES}>{(t) => <option value={t}>{t}</option>}</For>
          </select>
        </div>
        <label class="field">
          <span>Entity id</span>
          <input name="entityId" type="text" value={props.value.entityId ?? ''} autocomplete="off" />
        </label>
        <label class="field">
          <span>Actor</span>
          <input name="actor" type="text" value={props.value.actor ?? ''} placeholder="user id or system" autocomplete="off" />
        </label>
        <label class="field">
          <span>Action</span>
          <input name="action" type="text" value={props.value.action ?? ''} placeholder="e.g. decision.*" autocomplete="off" />
        </label>
        <label class="field">
          <span>From (UTC)</span>
          <input name="from" type="datetime-local" value={isoToLocal(props.value.from)} />
        </label>
        <label class="field">
          <span>To (UTC)</span>
          <input name="to" type="datetime-local" value={isoToLocal(props.value.to)} />
        </label>
        <div class="field">
          <label for="audit-order">Order</label>
          <select id="audit-order" name="order" value={props.value.order ?? 'desc'}>
            <option value="desc">Newest first</option>
            <option value="asc">Chain order</option>
          </select>
        </div>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn">
          Apply filters
        </button>
        <a href="/audit">Clear</a>
      </div>
    </form>
  );
}
