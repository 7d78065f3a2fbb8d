/**
 * One exception with its evidence in view: both sides' records and their
 * differences, the classification and root cause with the rationale and
 * cited evidence, the suggested resolution (editable), its verification,
 * the decisions a role allows, and the full history.
 */
import { useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { approveException, editException, escalateException, fetchException, rejectException, retryApply } from '../api/exceptions-api.ts';
import type { ExceptionDetailView } from '../api/types.ts';
import { canApprove, canReview } from '../auth/roles.ts';
import { useSession } from '../auth/session.tsx';
import { EmptyState, PageHeader } from '../pages/empty-state.tsx';
import { refusalMessage, type Notice } from '../queue/queue-actions.ts';
import { ageLabel, confidencePercent, formatMoneyText, sourceLabel, statusLabel } from '../queue/queue-format.ts';
import { ReasonDialog } from '../queue/reason-dialog.tsx';
import { HistoryPanel } from './history-panel.tsx';
import { RecordsCompare } from './records-compare.tsx';
import { ResolutionForm } from './resolution-form.tsx';
import '../review-ui.css';
import './detail.css';

const DECIDABLE = new Set(['open', 'suggested', 'edited', 'escalated']);

export function ExceptionDetailPage() {
  const params = useParams<{ id: string }>();
  const [search, setSearch] = useSearchParams<{ edit?: string }>();
  const navigate = useNavigate();
  const session = useSession();
  const [detail, { refetch }] = createResource(() => params.id, (id) => fetchException(id));
  const [notice, setNotice] = createSignal<Notice>();
  const [asking, setAsking] = createSignal<'reject' | 'escalate'>();
  const [serverError, setServerError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const role = () => session.role();
  const editing = () => search.edit === '1' && canReview(role());

  // A failed reload shows as the page's own error state; the decision's notice still comes.
  const reload = () => Promise.resolve(refetch()).catch(() => undefined);
  const decide = async (what: string, call: () => Promise<unknown>, after?: (answer: unknown) => string) => {
    setBusy(true);
    // The page reloads before the notice shows, so what the notice says and the status shown agree.
    try {
      const answer = await call();
      await reload();
      setNotice({ kind: 'ok', text: after ? after(answer) : `${what} recorded.` });
    } catch (error) {
      await reload();
      setNotice({ kind: 'error', text: refusalMessage(error, what.toLowerCase()) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="Exception" summary="The break with its evidence, the suggested resolution and everything decided about it." />
      <p>
        <a href="/">← Back to the queue</a>
      </p>
      <Switch>
        <Match when={detail.error}>
          <EmptyState title={detail.error instanceof ApiError && detail.error.status === 404 ? 'No such exception' : detail.error instanceof ApiError && detail.error.status === 401 ? 'Log in to see this exception' : 'The exception could not be loaded'}>
            <p role="alert">{detail.error instanceof ApiError && detail.error.status === 401 ? <a href={`/login?next=${encodeURIComponent(`/exceptions/${params.id}`)}`}>Log in with your API token</a> : String(detail.error?.message ?? detail.error)}</p>
          </EmptyState>
        </Match>
        <Match when={detail.loading && !detail.latest}>
          <p class="loading-line" role="status">
            Loading the exception…
          </p>
        </Match>
        <Match when={detail.latest}>
          {(view) => {
            const d = (): ExceptionDetailView => view();
            const e = () => d().exception;
            const s = () => d().suggestion;
            const decidable = () => DECIDABLE.has(e().status);
            return (
              <article class="detail" aria-labelledby="detail-title">
                <header class="detail__head card">
                  <h2 id="detail-title">
                    <span class={`type-badge type-badge--${e().type}`}>{e().typeLabel}</span> on <span class="mono">{e().account}</span>
                  </h2>
                  <dl class="facts">
                    <dt>Status</dt>
                    <dd>
                      <span class={`status status--${e().status}`} data-testid="detail-status">
                        {statusLabel(e().status)}
                      </span>
                    </dd>
                    <dt>At stake</dt>
                    <dd>{formatMoneyText(e().amount, e().currency)}</dd>
                    <dt>Difference</dt>
                    <dd>{formatMoneyText(e().difference, e().currency)}</dd>
                    <dt>Age</dt>
                    <dd>{ageLabel(e().ageDays)}</dd>
                    <dt>As of</dt>
                    <dd>{e().asOf}</dd>
                  </dl>
                </header>
                <Show when={notice()}>
                  {(n) => (
                    <div class={`notice notice--${n().kind}`} role={n().kind === 'error' ? 'alert' : 'status'}>
                      <span>{n().text}</span>
                    </div>
                  )}
                </Show>
                <RecordsCompare detail={d()} />
                <section class="panel" aria-labelledby="analysis-title">
                  <h2 id="analysis-title">Classification and root cause</h2>
                  <Show when={s()} fallback={<p class="muted">No agent has looked at this break yet.</p>}>
                    {(sg) => (
                      <>
                        <p>
                          <strong>{sg().typeLabel}</strong>, because <strong>{sg().causeLabel}</strong> — {sourceLabel(sg().source)}
                          {sg().model ? ` (${sg().model})` : ''}, confidence {confidencePercent(sg().confidence)}%
                          {sg().fallbackReason ? ` · rules fallback: ${sg().fallbackReason}` : ''}
                        </p>
                        <blockquote class="rationale">{sg().rationale || 'No rationale given.'}</blockquote>
                        <h3>Evidence cited</h3>
                        <ul>
                          <For each={d().evidence.suggestion} fallback={<li class="muted">None cited.</li>}>
                            {(ev) => <li>{ev}</li>}
                          </For>
                        </ul>
                      </>
                    )}
                  </Show>
                </section>
                <section class="panel" aria-labelledby="resolution-title">
                  <h2 id="resolution-title">Suggested resolution</h2>
                  <Show when={s()}>
                    {(sg) => (
                      <>
                        <p class="resolution-summary">
                          <strong data-testid="suggested-action">{sg().actionLabel}</strong> (version {sg().version}) <ResolutionParams resolution={sg().resolution} currency={e().currency} />
                        </p>
                        <div class="verification" data-testid="verification">
                          {sg().verified ? <span class="mark mark--ok">✓ Verified</span> : <span class="mark mark--no">✗ Not verified</span>}
                          <ul>
                            <For each={sg().verification?.checks ?? []}>{(c) => <li classList={{ 'check--bad': !c.ok }}>{`${c.ok ? '✓' : '✗'} ${c.name.replace(/_/g, ' ')}${c.message ? `: ${c.message}` : ''}`}</li>}</For>
                          </ul>
                        </div>
                      </>
                    )}
                  </Show>
                  <Show when={e().status === 'apply_failed' && canApprove(role())}>
                    <div class="decide" role="group" aria-label="Apply">
                      <button
                        type="button"
                        class="button button--primary"
                        disabled={busy()}
                        onClick={() => void decide('Apply', () => retryApply(e().id), retriedText)}
                      >
                        Retry apply
                      </button>
                    </div>
                  </Show>
                  <Show when={decidable()}>
                    <div class="decide" role="group" aria-label="Decide">
                      <Show when={canApprove(role()) && s()}>
                        <button type="button" class="button button--primary" disabled={busy() || !s()?.verified} onClick={() => void decide('Approval', () => approveException(e().id, e().version), (a) => approvedText(a))}>
                          Approve
                        </button>
                      </Show>
                      <Show when={canReview(role())}>
                        <button type="button" class="button" disabled={busy()} onClick={() => setSearch({ edit: '1' })}>
                          Edit
                        </button>
                        <Show when={s()}>
                          <button type="button" class="button" disabled={busy()} onClick={() => setAsking('reject')}>
                            Reject…
                          </button>
                        </Show>
                        <button type="button" class="button" disabled={busy()} onClick={() => setAsking('escalate')}>
                          Escalate…
                        </button>
                      </Show>
                      <Show when={!canReview(role())}>
                        <p class="muted">Your role ({role() ?? 'unknown'}) can look but not decide.</p>
                      </Show>
                    </div>
                  </Show>
                  <Show when={editing() && decidable()}>
                    <ResolutionForm
                      type={s()?.type ?? e().type}
                      currency={e().currency}
                      records={d().records}
                      initial={s()?.resolution}
                      serverError={serverError()}
                      onCancel={() => setSearch({ edit: undefined })}
                      onSubmit={async (body) => {
                        setServerError(undefined);
                        try {
                          await editException(e().id, { expectedVersion: e().version, ...body });
                          await reload();
                          setSearch({ edit: undefined });
                          setNotice({ kind: 'ok', text: 'Saved as a new version. Another person has to approve an edit they did not write.' });
                        } catch (error) {
                          const issues = error instanceof ApiError ? (error.body?.issues ?? []).map((i) => i.message) : [];
                          setServerError(issues.length > 0 ? `The API refused the edit: ${issues.join('; ')}` : refusalMessage(error, 'edit'));
                        }
                      }}
                    />
                  </Show>
                </section>
                <HistoryPanel detail={d()} showAudit={canApprove(role())} />
                <Show when={asking()}>
                  {(kind) => (
                    <ReasonDialog
                      title={kind() === 'reject' ? 'Reject the suggestion' : 'Escalate to a senior reviewer'}
                      confirmLabel={kind() === 'reject' ? 'Reject' : 'Escalate'}
                      onCancel={() => setAsking(undefined)}
                      onConfirm={(reason) => {
                        const which = kind();
                        setAsking(undefined);
                        void decide(which === 'reject' ? 'Rejection' : 'Escalation', () => (which === 'reject' ? rejectException(e().id, e().version, reason) : escalateException(e().id, e().version, reason)));
                      }}
                    />
                  )}
                </Show>
                <p>
                  <button type="button" class="button button--quiet" onClick={() => navigate('/')}>
                    Back to the queue
                  </button>
                </p>
              </article>
            );
          }}
        </Match>
      </Switch>
    </>
  );
}

function approvedText(answer: unknown): string {
  const a = answer as { complete?: boolean; approvals?: { have: number; need: number }; apply?: { status: string; reason?: string } };
  if (a.complete === false && a.approvals) return `Approval ${a.approvals.have} of ${a.approvals.need} recorded: a second approver has to approve too.`;
  if (a.apply?.status === 'applied') return 'Approved and applied.';
  if (a.apply?.status === 'queued') return 'Approved; the apply queue is applying it.';
  if (a.apply?.status === 'apply_failed') return `Approved, but applying failed: ${a.apply.reason ?? 'see the history'}.`;
  return 'Approved.';
}

function retriedText(answer: unknown): string {
  const a = answer as { apply?: { status: string; reason?: string } };
  return a.apply?.status === 'applied' ? 'Applied.' : `Applying failed again: ${a.apply?.reason ?? 'see the history'}.`;
}

function ResolutionParams(props: { resolution: Record<string, unknown>; currency: string }) {
  const parts = () =>
    Object.entries(props.resolution)
      .filter(([k]) => k !== 'action')
      .map(([k, v]) => `${k}: ${k === 'amount' && typeof v === 'string' ? formatMoneyText(v, props.currency) : Array.isArray(v) ? v.join(', ') : String(v)}`);
  return <span class="muted">{parts().length > 0 ? `— ${parts().join(' · ')}` : ''}</span>;
}
