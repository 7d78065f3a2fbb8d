/**
 * Upload a statement or ledger file: the file, its side, the format (found
 * from the content unless chosen), the account, a default currency and, for
 * CSV and XLSX, a column profile. Shows what was stored — or, when the file
 * is refused (422), every problem with its line and field.
 */
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client.ts';
import { IMPORT_FORMATS, uploadImport, type Side, type UploadFields, type UploadFormat, type UploadResult } from '../api/imports-api.ts';
import type { ImportIssueView } from '../api/imports-api.ts';
import { formatInteger } from '../runs/format.ts';
import { IssueTable } from './issue-list.tsx';

const FORMAT_LABELS: Record<string, string> = { mt940: 'MT940', mt942: 'MT942', mt950: 'MT950', camt052: 'camt.052', camt053: 'camt.053', camt054: 'camt.054', bai2: 'BAI2', ofx: 'OFX / QFX', csv: 'CSV', xlsx: 'XLSX' };

type Outcome = { kind: 'stored'; result: UploadResult } | { kind: 'refused'; message: string; issues: readonly ImportIssueView[] } | { kind: 'error'; message: string };

export function UploadForm(props: { onUploaded?: (result: UploadResult) => void; upload?: (fields: UploadFields) => Promise<UploadResult> }) {
  const [file, setFile] = createSignal<File>();
  const [side, setSide] = createSignal<Side>('external');
  const [format, setFormat] = createSignal<UploadFormat>('auto');
  const [account, setAccount] = createSignal('');
  const [currency, setCurrency] = createSignal('');
  const [profile, setProfile] = createSignal('');
  const [customProfile, setCustomProfile] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [fileInput, setFileInput] = createSignal<HTMLInputElement>();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = file();
    if (!chosen) {
      setOutcome({ kind: 'error', message: 'Choose a file to upload.' });
      fileInput()?.focus();
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const profileSpec = profile() === 'custom' ? customProfile().trim() : profile();
    try {
      const result = await (props.upload ?? uploadImport)({
        file: chosen,
        side: side(),
        format: format(),
        ...(account().trim() ? { account: account().trim() } : {}),
        ...(currency().trim() ? { currency: currency().trim().toUpperCase() } : {}),
        ...(profileSpec ? { profile: profileSpec } : {}),
      });
      setOutcome({ kind: 'stored', result });
      props.onUploaded?.(result);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 422 || e.status === 400) && e.body) setOutcome({ kind: 'refused', message: e.body.message, issues: e.body.issues ?? [] });
      else setOutcome({ kind: 'error', message: e instanceof ApiError && e.status === 413 ? e.message : e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="ops-panel" aria-labelledby="upload-title" onSubmit={submit} data-testid="upload-form">
      <h2 id="upload-title">Upload a file</h2>
      <div class="form-grid">
        <div class="field field--wide">
          <label for="upload-file">File</label>
          <input ref={setFileInput} id="upload-file" type="file" name="file" onChange={(e) => setFile(e.currentTarget.files?.[0])} aria-describedby="file-help" />
          <small id="file-help">MT940/942/950, camt.052/053/054, BAI2, OFX/QFX, CSV or XLSX. The whole file is imported, or nothing.</small>
        </div>
        <fieldset class="field">
          <legend>Side</legend>
          <label>
            <input type="radio" name="side" value="external" checked={side() === 'external'} onChange={() => setSide('external')} /> Bank (external)
          </label>
          <label>
            <input type="radio" name="side" value="internal" checked={side() === 'internal'} onChange={() => setSide('internal')} /> Ledger (internal)
          </label>
        </fieldset>
        <div class="field">
          <label for="upload-format">Format</label>
          <select id="upload-format" value={format()} onChange={(e) => setFormat(e.currentTarget.value as UploadFormat)}>
            <option value="auto">Detect from the file</option>
            <For each={IMPORT_FORMATS}>{(f) => <option value={f}>{FORMAT_LABELS[f] ?? f}</option>}</For>
          </select>
        </div>
        <label class="field">
          <span>Account</span>
          <input type="text" value={account()} onInput={(e) => setAccount(e.currentTarget.value)} placeholder="from the file" autocomplete="off" />
        </label>
        <label class="field">
          <span>Default currency</span>
          <input type="text" value={currency()} onInput={(e) => setCurrency(e.currentTarget.value)} maxLength={3} placeholder="e.g. EUR" autocomplete="off" />
        </label>
        <div class="field">
          <label for="upload-csv-profile">CSV profile</label>
          <select id="upload-csv-profile" value={profile()} onChange={(e) => setProfile(e.currentTarget.value)}>
            <option value="">By side (bank or ledger)</option>
            <option value="bank">Bank export</option>
            <option value="ledger">Ledger export</option>
            <option value="custom">Custom (JSON)</option>
          </select>
        </div>
        <Show when={profile() === 'custom'}>
          <label class="field field--wide">
            <span>Custom profile (JSON)</span>
            <textarea rows={4} value={customProfile()} onInput={(e) => setCustomProfile(e.currentTarget.value)} placeholder='{"name":"my-bank","columns":{"date":"Booked","amount":"Amount"}}' />
          </label>
        </Show>
      </div>
      <div class="form-actions">
        <button type="submit" class="btn" disabled={busy()}>
          {busy() ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      <div aria-live="polite" data-testid="upload-outcome">
        <Switch>
          <Match when={outcome()?.kind === 'stored' && (outcome() as Extract<Outcome, { kind: 'stored' }>)}>
            {(o) => <UploadSummary result={o().result} />}
          </Match>
          <Match when={outcome()?.kind === 'refused' && (outcome() as Extract<Outcome, { kind: 'refused' }>)}>
            {(o) => (
              <div class="upload-result" data-testid="upload-refused">
                <p class="ops-notice ops-notice--error" role="alert">
                  <strong>Nothing was imported.</strong> {o().message}
                </p>
                <Show when={o().issues.length > 0}>
                  <IssueTable issues={o().issues} caption="Problems in the file" testId="upload-issues" />
                </Show>
              </div>
            )}
          </Match>
          <Match when={outcome()?.kind === 'error' && (outcome() as Extract<Outcome, { kind: 'error' }>)}>
            {(o) => (
              <p class="ops-notice ops-notice--error" role="alert">
                {o().message}
              </p>
            )}
          </Match>
        </Switch>
      </div>
    </form>
  );
}

function UploadSummary(props: { result: UploadResult }) {
  return (
    <div class="upload-result" data-testid="upload-stored">
      <p class={`ops-notice ${props.result.status === 'stored' ? 'ops-notice--ok' : 'ops-notice--warn'}`} role="status">
        <Show when={props.result.status === 'stored'} fallback={<>This file was imported before: nothing new was stored.</>}>
          Imported <strong data-testid="upload-count">{formatInteger(props.result.recordCount)}</strong> records as {FORMAT_LABELS[props.result.format] ?? props.result.format}.
        </Show>
      </p>
      <dl class="tiles">
        <div class="tile">
          <dt>Records</dt>
          <dd>{formatInteger(props.result.recordCount)}</dd>
        </div>
        <div class="tile">
          <dt>Warnings</dt>
          <dd>{formatInteger(props.result.warnings.length)}</dd>
        </div>
        <div class="tile">
          <dt>Statements</dt>
          <dd>{formatInteger(props.result.statements.length)}</dd>
          <small>{props.result.statements.filter((s) => s.foots === false).length} not footing</small>
        </div>
      </dl>
      <Show when={props.result.warnings.length > 0}>
        <IssueTable issues={props.result.warnings} caption="Warnings" testId="upload-warnings" />
      </Show>
    </div>
  );
}
