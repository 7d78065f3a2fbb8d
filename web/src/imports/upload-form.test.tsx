import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UploadForm } from './upload-form.tsx';

const file = (text: string, name = 'bank.csv') => new File([text], name, { type: 'text/csv' });

/** A fetch that answers like the API: the status and body given. */
function answer(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function chooseAndSubmit(f: File) {
  const input = screen.getByLabelText('File') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [f] } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
}

describe('UploadForm', () => {
  it('lists every problem of a refused file (422) with its line and field, and says nothing was imported', async () => {
    answer(422, {
      error: {
        code: 'parse_failed',
        message: 'bad.csv: 2 problems, nothing was imported — line 3, field amount: not a number',
        issues: [
          { line: 3, field: 'amount', message: 'not a number: "12,3,4"' },
          { line: 7, field: 'date', message: 'not a date: "31.02.2026"' },
        ],
      },
    });
    render(() => <UploadForm />);
    await chooseAndSubmit(file('Date,Amount\n', 'bad.csv'));
    const table = await screen.findByTestId('upload-issues');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['3', 'amount', 'not a number: "12,3,4"'],
      ['7', 'date', 'not a date: "31.02.2026"'],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('Nothing was imported.');
  });

  it('sends the file with side, format, account, currency and profile, then shows the counts and warnings', async () => {
    const calls = answer(201, { importId: 'i1', status: 'stored', format: 'csv', recordCount: 1204, warnings: [{ code: 'w', message: 'value date before booking date', line: 12 }], statements: [] });
    const uploaded = vi.fn();
    render(() => <UploadForm onUploaded={uploaded} />);
    fireEvent.click(screen.getByLabelText('Ledger (internal)'));
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'csv' } });
    fireEvent.input(screen.getByLabelText('Account'), { target: { value: 'GL-1000' } });
    fireEvent.input(screen.getByLabelText('Default currency'), { target: { value: 'eur' } });
    fireEvent.change(screen.getByLabelText('CSV profile'), { target: { value: 'ledger' } });
    await chooseAndSubmit(file('Date,Amount\n2026-11-01,10.00\n'));
    expect((await screen.findByTestId('upload-count')).textContent).toBe('1,204');
    expect(screen.getByTestId('upload-warnings').querySelector('tbody td')?.textContent).toBe('12');
    expect(uploaded).toHaveBeenCalledOnce();
    const form = calls[0]!.init.body as FormData;
    expect(calls[0]!.url).toBe('/api/imports');
    expect({ side: form.get('side'), format: form.get('format'), account: form.get('account'), currency: form.get('currency'), profile: form.get('profile'), file: (form.get('file') as File).name }).toEqual({ side: 'internal', format: 'csv', account: 'GL-1000', currency: 'EUR', profile: 'ledger', file: 'bank.csv' });
  });

  it('asks for a file before sending anything', async () => {
    const calls = answer(201, {});
    render(() => <UploadForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Choose a file to upload.'));
    expect(calls).toHaveLength(0);
  });
});
