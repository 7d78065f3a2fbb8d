/**
 * The suggested resolution as an editable form: only the actions the break
 * type allows, each action's parameters, validation as the API validates
 * (core's schemas, in the browser), and the journal preview showing the
 * group balance before the edit is sent.
 */
import { createMemo, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ACCOUNT_ROLE_INFO, ACCOUNT_ROLES } from '../../../core/taxonomy/account-roles.ts';
import { ACTION_INFO, ACTIONS_BY_TYPE, CORRECTABLE_FIELDS, type Resolution, type ResolutionAction } from '../../../core/taxonomy/actions.ts';
import type { BreakType } from '../../../core/taxonomy/break-types.ts';
import type { RecordView } from '../api/types.ts';
import { formatMoneyText } from '../queue/queue-format.ts';
import { journalPreview } from './journal-preview.ts';
import { checkDraft, draftFrom, resolutionOf, type Draft } from './resolution-draft.ts';

export interface ResolutionFormProps {
  readonly type: BreakType;
  readonly currency: string;
  readonly records: { readonly external: readonly RecordView[]; readonly internal: readonly RecordView[] };
  readonly initial?: Resolution | undefined;
  readonly initialRationale?: string;
  readonly onSubmit: (body: { resolution: Resolution; rationale?: string }) => Promise<void>;
  readonly onCancel: () => void;
  /** Issues the server sent back with a refusal. */
  readonly serverError?: string | undefined;
}

export function ResolutionForm(props: ResolutionFormProps) {
  const ids = () => ({ external: props.records.external.map((r) => r.id), internal: props.records.internal.map((r) => r.id) });
  const [draft, setDraft] = createStore<Draft>(draftFrom(props.initial, props.currency, ids()));
  const [rationale, setRationale] = createSignal(props.initialRationale ?? '');
  const [touched, setTouched] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const actions = createMemo<readonly ResolutionAction[]>(() => {
    const allowed = ACTIONS_BY_TYPE[props.type];
    return allowed.includes('escalate') ? allowed : [...allowed, 'escalate'];
  });
  const check = createMemo(() => checkDraft({ ...draft, external: [...draft.external], internal: [...draft.internal] }, { type: props.type, currency: props.currency, externalIds: ids().external, internalIds: ids().internal }));
  const errors = () => (touched() && !check().ok ? (check() as { errors: Record<string, string> }).errors : {});
  const preview = createMemo(() => journalPreview(resolutionOf(draft) as Parameters<typeof journalPreview>[0], props.records));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setTouched(true);
    const result = check();
    if (!result.ok) {
      const firstBad = (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]');
      firstBad?.focus();
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit({ resolution: result.resolution, ...(rationale().trim() ? { rationale: rationale().trim() } : {}) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, input: (invalid: boolean, describedBy: string | undefined) => JSX.Element) => (
    <div class="rform__field">
      <label for={`rf-${name}`}>{label}</label>
      {input(errors()[name] !== undefined, errors()[name] ? `rf-${name}-error` : undefined)}
      <Show when={errors()[name]}>
        <p id={`rf-${name}-error`} class="form-error">
          {errors()[name]}
        </p>
      </Show>
    </div>
  );
  const text = (name: keyof Draft & string, label: string, extra: { placeholder?: string; inputmode?: 'decimal' | 'text' } = {}) =>
    field(name, label, (invalid, describedBy) => (
      <input id={`rf-${name}`} type="text" value={draft[name] as string} placeholder={extra.placeholder} inputmode={extra.inputmode} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} onInput={(e) => setDraft(name, e.currentTarget.value as never)} />
    ));
  const accountSelect = () =>
    field('account', 'Account', (invalid, describedBy) => (
      <select id="rf-account" value={draft.account} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} onChange={(e) => setDraft('account', e.currentTarget.value)}>
        <option value="">Choose an account…</option>
        <For each={ACCOUNT_ROLES}>{(role) => <option value={role}>{ACCOUNT_ROLE_INFO[role].label}</option>}</For>
      </select>
    ));
  const recordChoice = (side: 'external' | 'internal') => (
    <fieldset class="rform__records" aria-invalid={errors()[side] ? 'true' : undefined}>
      <legend>{side === 'external' ? 'Statement records' : 'Book records'}</legend>
      <For each={props.records[side]} fallback={<p class="muted">None on this side.</p>}>
        {(r) => (
          <label class="rform__check">
            <input
              type="checkbox"
              checked={draft[side].includes(r.id)}
              onChange={(e) => setDraft(side, (list) => (e.currentTarget.checked ? [...list, r.id] : list.filter((x) => x !== r.id)))}
            />
            <span>
              {r.date} · {formatMoneyText(r.amount, r.currency)} · {r.reference ?? r.id}
            </span>
          </label>
        )}
      </For>
      <Show when={errors()[side]}>
        <p class="form-error">{errors()[side]}</p>
      </Show>
    </fieldset>
  );
  const internalRecord = () =>
    field('recordId', 'Book record', (invalid, describedBy) => (
      <select id="rf-recordId" value={draft.recordId} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} onChange={(e) => setDraft('recordId', e.currentTarget.value)}>
        <For each={props.records.internal}>{(r) => <option value={r.id}>{`${r.date} · ${formatMoneyText(r.amount, r.currency)} · ${r.reference ?? r.id}`}</option>}</For>
      </select>
    ));

  return (
    <form class="rform" onSubmit={submit} aria-label="Edit the resolution" novalidate>
      {field('action', 'Action', (invalid, describedBy) => (
        <select id="rf-action" value={draft.action} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} onChange={(e) => setDraft('action', e.currentTarget.value as ResolutionAction)}>
          <For each={actions()}>{(a) => <option value={a}>{ACTION_INFO[a].label}</option>}</For>
        </select>
      ))}
      <p class="muted rform__about">{ACTION_INFO[draft.action].description}</p>
      <Switch>
        <Match when={draft.action === 'post_journal'}>
          {accountSelect()}
          {text('amount', 'Amount (signed, books’ view)', { placeholder: '-25.00', inputmode: 'decimal' })}
          {text('currency', 'Currency')}
          {text('memo', 'Memo')}
        </Match>
        <Match when={draft.action === 'match_with_adjustment'}>
          {recordChoice('external')}
          {recordChoice('internal')}
          {accountSelect()}
          {text('amount', 'Adjustment (signed, books’ view)', { placeholder: '-15.00', inputmode: 'decimal' })}
          {text('currency', 'Currency')}
        </Match>
        <Match when={draft.action === 'confirm_match'}>
          {recordChoice('external')}
          {recordChoice('internal')}
        </Match>
        <Match when={draft.action === 'correct_entry'}>
          {internalRecord()}
          {field('field', 'Field', (invalid, describedBy) => (
            <select id="rf-field" value={draft.field} aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} onChange={(e) => setDraft('field', e.currentTarget.value)}>
              <For each={CORRECTABLE_FIELDS}>{(f) => <option value={f}>{f}</option>}</For>
            </select>
          ))}
          {text('from', 'From')}
          {text('to', 'To')}
        </Match>
        <Match when={draft.action === 'reverse_entry'}>{internalRecord()}</Match>
        <Match when={draft.action === 'carry_forward'}>{text('expectedBy', 'Expected by (YYYY-MM-DD, optional)', { placeholder: '2026-11-03' })}</Match>
        <Match when={draft.action === 'contact_counterparty'}>{text('message', 'Message to the counterparty')}</Match>
        <Match when={draft.action === 'escalate'}>{text('reason', 'Why it needs a senior reviewer')}</Match>
      </Switch>
      <div class="rform__field">
        <label for="rf-rationale">Rationale (optional)</label>
        <textarea id="rf-rationale" rows={2} maxLength={4000} value={rationale()} onInput={(e) => setRationale(e.currentTarget.value)} />
      </div>
      <Show when={preview()}>{(p) => <JournalPreviewView preview={p()} currency={draft.currency} />}</Show>
      <Show when={props.serverError}>
        <p class="form-error" role="alert">
          {props.serverError}
        </p>
      </Show>
      <div class="rform__actions">
        <button type="button" class="button" onClick={() => props.onCancel()}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save as new version'}
        </button>
      </div>
    </form>
  );
}

function JournalPreviewView(props: { preview: NonNullable<ReturnType<typeof journalPreview>>; currency: string }) {
  const money = (v: string) => formatMoneyText(v, props.currency);
  return (
    <section class="journal" aria-label="Journal preview" data-testid="journal-preview">
      <h3>Journal preview</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Account</th>
            <th scope="col" class="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.preview.lines}>
            {(l) => (
              <tr>
                <td>{l.lineNo}</td>
                <td>{l.accountRole ? ACCOUNT_ROLE_INFO[l.accountRole].label : l.glCode}</td>
                <td class="num">{money(l.amount)}</td>
              </tr>
            )}
          </For>
          <tr class="journal__sum">
            <td colSpan={2}>Entry total</td>
            <td class="num">{money(props.preview.linesSum)}</td>
          </tr>
        </tbody>
      </table>
      <dl class="journal__group">
        <dt>Statement side</dt>
        <dd>{money(props.preview.externalTotal)}</dd>
        <dt>Books before → after</dt>
        <dd>
          {money(props.preview.internalBefore)} → {money(props.preview.internalAfter)}
        </dd>
        <dt>Remaining difference</dt>
        <dd classList={{ 'journal__ok': props.preview.balances, 'journal__bad': !props.preview.balances }} data-testid="journal-remaining">
          {money(props.preview.remaining)} {props.preview.balances ? '— the group balances' : '— the group does not balance'}
        </dd>
      </dl>
    </section>
  );
}
