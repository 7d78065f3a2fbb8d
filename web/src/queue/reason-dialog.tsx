/**
 * Asks for the reason a rejection (or escalation) needs: a modal dialog
 * with its title as its name, focus on the text box, Escape to cancel,
 * Tab kept inside, and focus handed back to where it was on close.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';

export interface ReasonDialogProps {
  readonly title: string;
  readonly confirmLabel: string;
  readonly onConfirm: (reason: string) => void;
  readonly onCancel: () => void;
}

export function ReasonDialog(props: ReasonDialogProps) {
  let box: HTMLTextAreaElement | undefined;
  let dialog: HTMLDivElement | undefined;
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string>();
  const previous = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);

  onMount(() => box?.focus());
  onCleanup(() => previous?.focus());

  const confirm = (event: Event) => {
    event.preventDefault();
    const text = reason().trim();
    if (text === '') {
      setError('A reason is required.');
      box?.focus();
      return;
    }
    props.onConfirm(text);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog?.querySelectorAll<HTMLElement>('textarea, button') ?? [])];
    const firstEl = focusable[0];
    const lastEl = focusable.at(-1);
    if (event.shiftKey && document.activeElement === firstEl) {
      event.preventDefault();
      lastEl?.focus();
    } else if (!event.shiftKey && document.activeElement === lastEl) {
      event.preventDefault();
      firstEl?.focus();
    }
  };

  return (
    <div class="dialog-backdrop">
      <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="reason-title" ref={(el) => (dialog = el)} onKeyDown={onKeyDown}>
        <form onSubmit={confirm}>
          <h2 id="reason-title">{props.title}</h2>
          <label for="reason-text">Reason</label>
          <textarea id="reason-text" ref={(el) => (box = el)} rows={3} maxLength={2000} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? 'reason-error' : undefined} />
          <Show when={error()}>
            <p id="reason-error" class="form-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="dialog__actions">
            <button type="button" class="button" onClick={() => props.onCancel()}>
              Cancel
            </button>
            <button type="submit" class="button button--danger">
              {props.confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
