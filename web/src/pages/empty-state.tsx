import { createRenderEffect, type JSX } from 'solid-js';

/** What a section will hold, shown until it has data to show. */
export function EmptyState(props: { title: string; children: JSX.Element; hint?: JSX.Element }) {
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{props.title}</h2>
      <div class="empty-state__body">{props.children}</div>
      {props.hint && <p class="empty-state__hint">{props.hint}</p>}
    </section>
  );
}

/** Page heading with a one-line purpose; also names the browser tab, which screen readers announce on navigation. */
export function PageHeader(props: { title: string; summary: string }) {
  createRenderEffect(() => {
    document.title = `${props.title} · Recon`;
  });
  return (
    <header class="page-header">
      <h1>{props.title}</h1>
      <p>{props.summary}</p>
    </header>
  );
}
