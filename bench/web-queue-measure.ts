/**
 * What the web-queue benchmark measures inside Chromium, as functions that
 * run in the page (page.evaluate serialises them: no imports, no closures).
 */

/** Installed before the app loads: the time, since navigation start, the first queue row is in the DOM. */
export function watchFirstRow(): void {
  const w = window as unknown as { __firstRowAt?: number };
  const observer = new MutationObserver(() => {
    if (w.__firstRowAt === undefined && document.querySelector('[data-testid="queue-row"]')) {
      w.__firstRowAt = performance.now();
      observer.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
}

/** One keystroke into the account filter: from the input event to the frame after the re-rendered rows are painted. */
export async function timeKeystroke(value: string): Promise<{ ms: number; rows: number }> {
  const input = document.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no account filter');
  const start = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  // A rAF callback runs before the next paint, a task queued from it after: the frame with the new rows is on screen.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { ms: performance.now() - start, rows: document.querySelectorAll('[data-testid="queue-row"]').length };
}

/** Scrolls the queue by `step` px each frame for `seconds`, sampling frame times with requestAnimationFrame. */
export async function sampleScroll(options: { seconds: number; step: number }): Promise<{ frames: number; seconds: number; fps: number; p95: number; worst: number; longFrames: number; maxRendered: number }> {
  const viewport = document.querySelector<HTMLElement>('[data-testid="queue-viewport"]');
  if (!viewport) throw new Error('no queue viewport');
  const times: number[] = [];
  let maxRendered = 0;
  const start = performance.now();
  let last = start;
  await new Promise<void>((resolve) => {
    const frame = (now: number) => {
      times.push(now - last);
      last = now;
      const bottom = viewport.scrollHeight - viewport.clientHeight;
      viewport.scrollTop = viewport.scrollTop + options.step >= bottom ? 0 : viewport.scrollTop + options.step;
      maxRendered = Math.max(maxRendered, viewport.querySelectorAll('[data-testid="queue-row"]').length);
      if (now - start < options.seconds * 1000) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  const elapsed = (performance.now() - start) / 1000;
  const sorted = times.slice(1).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { frames: times.length, seconds: elapsed, fps: times.length / elapsed, p95: at(0.95), worst: sorted.at(-1) ?? 0, longFrames: sorted.filter((t) => t > 1000 / 50).length, maxRendered };
}
