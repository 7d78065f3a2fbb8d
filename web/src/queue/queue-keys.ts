/** The queue's keyboard: one letter per command, as a reviewer clearing a morning queue wants them. */
export type QueueCommand = 'next' | 'prev' | 'first' | 'last' | 'open' | 'approve' | 'reject' | 'edit' | 'select';

const KEYS: Readonly<Record<string, QueueCommand>> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  a: 'approve',
  r: 'reject',
  e: 'edit',
  x: 'select',
  ' ': 'select',
};

/** The command of a key press; none with a modifier held (Ctrl+R reloads, it does not reject). */
export function queueCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): QueueCommand | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return KEYS[event.key];
}
