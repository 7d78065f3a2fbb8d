/** Whether the audit log's hash chain holds: verified with its length, or the first entry that breaks it. Admins only (the API says so too). */
import { createResource, Match, Switch } from 'solid-js';
import { verifyAudit, type AuditVerdict } from '../api/audit-api.ts';
import { errorText } from '../runs/error-notice.tsx';
import { formatInteger } from '../runs/format.ts';

export function ChainStatus(props: { allowed: boolean; verify?: () => Promise<AuditVerdict> }) {
  const [verdict, { refetch }] = createResource(
    () => props.allowed || undefined,
    () => (props.verify ?? verifyAudit)(),
  );
  return (
    <section class="ops-panel chain" aria-labelledby="chain-title" data-testid="chain-status">
      <h2 id="chain-title">Chain verification</h2>
      <div role="status" aria-live="polite">
        <Switch>
          <Match when={!props.allowed}>
            <p class="toolbar__note">Only admins can verify the chain.</p>
          </Match>
          <Match when={verdict.error}>
            <p class="ops-notice ops-notice--error">{errorText(verdict.error, 'the chain verification')}</p>
          </Match>
          <Match when={verdict.loading}>
            <p class="toolbar__note">Verifying every entry’s hash…</p>
          </Match>
          <Match when={verdict()?.ok === true && verdict()}>
            {(v) => (
              <p class="chain__ok" data-testid="chain-verified">
                <span class="badge badge--ok">Chain verified</span> {formatInteger(v().entries)} entries, each hash chained to the one before.
              </p>
            )}
          </Match>
          <Match when={verdict()?.ok === false && verdict()}>
            {(v) => (
              <p class="ops-notice ops-notice--error" data-testid="chain-broken">
                <strong>Chain broken at entry #{v().brokenAt}.</strong> {v().reason}
              </p>
            )}
          </Match>
        </Switch>
      </div>
      <button type="button" class="btn btn--secondary" disabled={!props.allowed || verdict.loading} onClick={() => void refetch()}>
        Verify again
      </button>
    </section>
  );
}
