import { fireEvent, render, screen } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import type { ExceptionListItem } from '../api/types.ts';
import { queueItem } from '../testing/queue-items.ts';
import { QueueTable, ROW_HEIGHT } from './queue-table.tsx';


const rows = (n: number) => Array.from({ length: n }, (_, i) => queueItem(i));

function table(items: ExceptionListItem[], onCommand = vi.fn()) {
  const [active, setActive] = createSignal(0);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  render(() => <QueueTable rows={items} active={active()} onActive={setActive} selected={selected()} onToggle={toggle} onCommand={onCommand} sort="openedAt" order="asc" onSort={() => undefined} initialHeight={440} />);
  return { onCommand, selected };
}

describe('the virtualized queue table', () => {
  it('renders only the rows in view of 10,000, in a spacer of the full height, and follows the scroll', () => {
    table(rows(10_000));
    const rendered = () => screen.getAllByTestId('queue-row');
    // 440 px show 10 rows; one partial and six below make 17, never thousands.
    expect(rendered().length).toBeLessThanOrEqual(20);
    expect(rendered()[0]!.dataset.id).toBe(queueItem(0).id);
    const viewport = screen.getByTestId('queue-viewport');
    expect((viewport.firstElementChild as HTMLElement).style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('10001');

    viewport.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(viewport);
    const ids = rendered().map((r) => r.dataset.id);
    expect(ids).toContain(queueItem(5_000).id);
    expect(ids).not.toContain(queueItem(0).id);
    expect(rendered().length).toBeLessThanOrEqual(24);
    const row5000 = rendered().find((r) => r.dataset.id === queueItem(5_000).id)!;
    expect(row5000.style.transform).toBe(`translateY(${5_000 * ROW_HEIGHT}px)`);
    expect(row5000.getAttribute('aria-rowindex')).toBe('5002');
  });

  it('moves with j/k, selects with x, and hands enter, a, r and e to the page for the active row', () => {
    const { onCommand, selected } = table(rows(50));
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-activedescendant')).toBe(`queue-row-${queueItem(0).id}`);
    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'k' });
    expect(grid.getAttribute('aria-activedescendant')).toBe(`queue-row-${queueItem(1).id}`);
    fireEvent.keyDown(grid, { key: 'k' });
    fireEvent.keyDown(grid, { key: 'k' });
    expect(grid.getAttribute('aria-activedescendant')).toBe(`queue-row-${queueItem(0).id}`);

    fireEvent.keyDown(grid, { key: 'j' });
    fireEvent.keyDown(grid, { key: 'x' });
    expect([...selected()]).toEqual([queueItem(1).id]);
    expect(document.getElementById(`queue-row-${queueItem(1).id}`)!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(grid, { key: 'x' });
    expect(selected().size).toBe(0);

    for (const [key, command] of [['Enter', 'open'], ['a', 'approve'], ['r', 'reject'], ['e', 'edit']] as const) {
      fireEvent.keyDown(grid, { key });
      expect(onCommand).toHaveBeenLastCalledWith(command, queueItem(1));
    }
    // With a modifier the browser keeps the key (Ctrl+R reloads).
    onCommand.mockClear();
    fireEvent.keyDown(grid, { key: 'r', ctrlKey: true });
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('scrolls the active row into view when j moves past the bottom', () => {
    table(rows(200));
    const grid = screen.getByRole('grid');
    for (let i = 0; i < 30; i++) fireEvent.keyDown(grid, { key: 'j' });
    expect(grid.getAttribute('aria-activedescendant')).toBe(`queue-row-${queueItem(30).id}`);
    expect(document.getElementById(`queue-row-${queueItem(30).id}`)).not.toBeNull();
    expect(screen.getByTestId('queue-viewport').scrollTop).toBeGreaterThan(0);
  });
});
