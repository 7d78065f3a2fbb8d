/**
 * The queue as a virtualized grid: fixed row height, only the rows in view
 * (plus a few) in the DOM, positioned by transform inside a spacer of the
 * full height, so 10,000 rows scroll like 30 and nothing shifts as pages
 * arrive. One focusable grid; the active row is announced through
 * aria-activedescendant and kept in view on j/k.
 */
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { ExceptionListItem } from '../api/types.ts';
import { ageLabel, confidencePercent, formatMoneyText, sourceLabel, statusLabel } from './queue-format.ts';
import { queueCommand, type QueueCommand } from './queue-keys.ts';
import type { QueueSort } from './queue-filters.ts';
import { rowWindow, scrollToShow } from './virtual-rows.ts';

export const ROW_HEIGHT = 44;

export interface QueueTableProps {
  readonly rows: readonly ExceptionListItem[];
  readonly active: number;
  readonly onActive: (index: number) => void;
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string) => void;
  readonly onCommand: (command: Exclude<QueueCommand, 'next' | 'prev' | 'first' | 'last' | 'select'>, item: ExceptionListItem) => void;
  readonly sort: QueueSort;
  readonly order: 'asc' | 'desc';
  readonly onSort: (sort: QueueSort) => void;
  /** The viewport's height before it can be measured (and in tests, where nothing has a layout). */
  readonly initialHeight?: number;
}

const rowId = (item: ExceptionListItem) => `queue-row-${item.id}`;

export function QueueTable(props: QueueTableProps) {
  let viewport: HTMLDivElement | undefined;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(props.initialHeight ?? 560);
  const range = createMemo(() => rowWindow(props.rows.length, ROW_HEIGHT, scrollTop(), height()));
  const slice = createMemo(() => props.rows.slice(range().start, range().end));

  onMount(() => {
    const el = viewport;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    };
    measure();
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      onCleanup(() => observer.disconnect());
    }
  });

  const moveTo = (index: number) => {
    if (props.rows.length === 0) return;
    const clamped = Math.max(0, Math.min(props.rows.length - 1, index));
    props.onActive(clamped);
    const el = viewport;
    if (!el) return;
    const target = scrollToShow(clamped, ROW_HEIGHT, el.scrollTop, height() - ROW_HEIGHT);
    if (target !== el.scrollTop) {
      el.scrollTop = target;
      setScrollTop(target);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const command = queueCommand(event);
    if (!command) return;
    event.preventDefault();
    const item = props.rows[props.active];
    switch (command) {
      case 'next':
        return moveTo(props.active + 1);
      case 'prev':
        return moveTo(props.active - 1);
      case 'first':
        return moveTo(0);
      case 'last':
        return moveTo(props.rows.length - 1);
      case 'select':
        if (item) props.onToggle(item.id);
        return;
      default:
        if (item) props.onCommand(command, item);
    }
  };

  const sortHeader = (label: string, sort: QueueSort) => (
    <div role="columnheader" class="qcol" aria-sort={props.sort === sort ? (props.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="qsort" onClick={() => props.onSort(sort)} tabindex="-1">
        {label}
        <span aria-hidden="true">{props.sort === sort ? (props.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </div>
  );

  return (
    <div
      class="qgrid"
      role="grid"
      aria-label="Exceptions"
      aria-rowcount={props.rows.length + 1}
      aria-multiselectable="true"
      tabindex="0"
      aria-activedescendant={props.rows[props.active] ? rowId(props.rows[props.active]!) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="row" class="qrow qrow--head" aria-rowindex="1">
        <div role="columnheader" class="qcol qcol--select">
          <span class="visually-hidden">Selected</span>
        </div>
        <div role="columnheader" class="qcol">Type</div>
        <div role="columnheader" class="qcol">Account</div>
        {sortHeader('Amount / Δ', 'amount')}
        {sortHeader('Age', 'openedAt')}
        {sortHeader('Confidence', 'confidence')}
        <div role="columnheader" class="qcol">Source</div>
        <div role="columnheader" class="qcol">Verified</div>
        <div role="columnheader" class="qcol">Suggested action</div>
        <div role="columnheader" class="qcol">Status</div>
      </div>
      <div class="qviewport" ref={(el) => (viewport = el)} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="queue-viewport">
        <div class="qspacer" style={{ height: `${props.rows.length * ROW_HEIGHT}px` }}>
          <For each={slice()}>
            {(item, i) => {
              // A row keeps its index while the window slides (start and position move together): one memo, no re-render.
              const index = createMemo(() => range().start + i());
              return (
                <QueueRow
                  item={item}
                  index={index()}
                  active={index() === props.active}
                  selected={props.selected.has(item.id)}
                  onClick={() => props.onActive(index())}
                  onOpen={() => props.onCommand('open', item)}
                  onToggle={() => props.onToggle(item.id)}
                />
              );
            }}
          </For>
        </div>
      </div>
    </div>
  );
}

function QueueRow(props: { item: ExceptionListItem; index: number; active: boolean; selected: boolean; onClick: () => void; onOpen: () => void; onToggle: () => void }) {
  const percent = () => confidencePercent(props.item.confidence);
  return (
    <div
      role="row"
      id={rowId(props.item)}
      class="qrow"
      classList={{ 'qrow--active': props.active, 'qrow--selected': props.selected }}
      aria-rowindex={props.index + 2}
      aria-selected={props.selected ? 'true' : 'false'}
      style={{ transform: `translateY(${props.index * ROW_HEIGHT}px)` }}
      onClick={props.onClick}
      onDblClick={props.onOpen}
      data-testid="queue-row"
      data-id={props.item.id}
    >
      <div role="gridcell" class="qcol qcol--select">
        <input type="checkbox" tabindex="-1" checked={props.selected} onChange={props.onToggle} onClick={(e) => e.stopPropagation()} aria-label={`Select ${props.item.typeLabel} on ${props.item.account}`} />
      </div>
      <div role="gridcell" class="qcol">
        <a href={`/exceptions/${props.item.id}`} tabindex="-1" class={`type-badge type-badge--${props.item.type}`}>
          {props.item.typeLabel}
        </a>
      </div>
      <div role="gridcell" class="qcol qcol--mono" title={props.item.account}>
        {props.item.account}
      </div>
      <div role="gridcell" class="qcol qcol--num">
        <span>{formatMoneyText(props.item.amount, props.item.currency)}</span>
        <Show when={props.item.difference !== props.item.amount && !/^-?0+(\.0+)?$/.test(props.item.difference)}>
          <span class="qdiff">Δ {formatMoneyText(props.item.difference, props.item.currency)}</span>
        </Show>
      </div>
      <div role="gridcell" class="qcol">{ageLabel(props.item.ageDays)}</div>
      <div role="gridcell" class="qcol">
        <Show when={percent() !== undefined} fallback={<span class="muted">—</span>}>
          <span class="confidence" aria-label={`Confidence ${percent()}%`}>
            <span class="confidence__bar" aria-hidden="true">
              <span class="confidence__fill" classList={{ 'confidence__fill--low': percent()! < 60 }} style={{ width: `${percent()}%` }} />
            </span>
            <span class="confidence__text">{percent()}%</span>
          </span>
        </Show>
      </div>
      <div role="gridcell" class="qcol">{sourceLabel(props.item.source)}</div>
      <div role="gridcell" class="qcol">
        {props.item.verified ? (
          <span class="mark mark--ok" title="Verified">
            ✓<span class="mark__word"> Verified</span>
            <span class="visually-hidden mark__sr">verified</span>
          </span>
        ) : (
          <span class="mark mark--no" title="Not verified">
            ✗<span class="mark__word"> Not verified</span>
            <span class="visually-hidden mark__sr">not verified</span>
          </span>
        )}
      </div>
      <div role="gridcell" class="qcol">{props.item.suggestedAction ?? <span class="muted">No suggestion</span>}</div>
      <div role="gridcell" class="qcol">
        <span class={`status status--${props.item.status}`}>{statusLabel(props.item.status)}</span>
      </div>
    </div>
  );
}
