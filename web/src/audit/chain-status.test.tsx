import { render, screen } from '@solidjs/testing-library';
import { describe, expect, it, vi } from 'vitest';
import { ChainStatus } from './chain-status.tsx';

describe('ChainStatus', () => {
  it('says the chain is verified with its length', async () => {
    render(() => <ChainStatus allowed verify={async () => ({ ok: true, entries: 1204 })} />);
    expect((await screen.findByTestId('chain-verified')).textContent).toBe('Chain verified 1,204 entries, each hash chained to the one before.');
  });

  it('names the first broken entry and why', async () => {
    render(() => <ChainStatus allowed verify={async () => ({ ok: false, entries: 90, brokenAt: 42, reason: 'hash does not match the entry' })} />);
    expect((await screen.findByTestId('chain-broken')).textContent).toBe('Chain broken at entry #42. hash does not match the entry');
  });

  it('does not ask the server below admin', () => {
    const verify = vi.fn(async () => ({ ok: true, entries: 1 }));
    render(() => <ChainStatus allowed={false} verify={verify} />);
    expect(screen.getByText('Only admins can verify the chain.')).toBeTruthy();
    expect(verify).not.toHaveBeenCalled();
  });
});
