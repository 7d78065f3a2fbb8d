/**
 * A Chromium trace of the scroll, summed up: frames the compositor drew per
 * second, and where the renderer's main thread spent its time (scripting,
 * style and layout, paint) per drawn frame.
 */
import type { Browser, Page } from 'playwright-core';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
}

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  scripting: ['FunctionCall', 'EvaluateScript', 'FireAnimationFrame', 'EventDispatch', 'TimerFire', 'RunMicrotasks', 'v8.run'],
  layout: ['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'PrePaint'],
  paint: ['Paint', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
};

export interface TraceSummary {
  readonly drawnFps: number;
  readonly seconds: number;
  /** Milliseconds of main-thread work per drawn frame, by group. */
  readonly perFrame: Readonly<Record<string, number>>;
}

export async function traceWhile(browser: Browser, page: Page, work: () => Promise<unknown>): Promise<TraceSummary> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8'] });
  await work();
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const frames = events.filter((e) => e.name === 'DrawFrame');
  const first = Math.min(...frames.map((e) => e.ts));
  const last = Math.max(...frames.map((e) => e.ts));
  const seconds = frames.length > 1 ? (last - first) / 1e6 : 0;
  // The renderer main thread: the one that ran the page's animation-frame callbacks.
  const main = events.find((e) => e.name === 'FireAnimationFrame');
  const perFrame: Record<string, number> = {};
  const groupOf = new Map<string, string>();
  for (const [group, names] of Object.entries(GROUPS)) for (const n of names) groupOf.set(n, group);
  // Outermost slices only: a FunctionCall inside FireAnimationFrame is counted once.
  const slices = events.filter((e) => e.ph === 'X' && groupOf.has(e.name) && (!main || (e.pid === main.pid && e.tid === main.tid))).sort((a, b) => a.ts - b.ts);
  let coveredUntil = -Infinity;
  for (const e of slices) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + (e.dur ?? 0);
    const group = groupOf.get(e.name)!;
    perFrame[group] = (perFrame[group] ?? 0) + (e.dur ?? 0) / 1000;
  }
  for (const group of Object.keys(GROUPS)) perFrame[group] = frames.length > 0 ? (perFrame[group] ?? 0) / frames.length : 0;
  return { drawnFps: seconds > 0 ? (frames.length - 1) / seconds : 0, seconds, perFrame };
}
