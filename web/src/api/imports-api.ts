/** Typed calls for file imports: the upload (multipart) and the list and detail. */
import { apiRequest, getJson } from './client.ts';

export const IMPORT_FORMATS = ['mt940', 'mt942', 'mt950', 'camt052', 'camt053', 'camt054', 'bai2', 'ofx', 'csv', 'xlsx'] as const;
export type UploadFormat = 'auto' | (typeof IMPORT_FORMATS)[number];
export type Side = 'external' | 'internal';

export interface ImportIssueView {
  readonly code?: string;
  readonly message: string;
  readonly line?: number;
  readonly path?: string;
  readonly field?: string;
  readonly statement?: string;
}

export interface UploadResult {
  readonly importId: string;
  readonly status: 'stored' | 'duplicate';
  readonly format: string;
  readonly recordCount: number;
  readonly warnings: readonly ImportIssueView[];
  readonly statements: readonly { statement: string; foots: boolean | undefined; expectedClosing?: string; closing?: string }[];
}

export interface ImportListItem {
  readonly id: string;
  readonly format: string;
  readonly side: Side;
  readonly account: string;
  readonly fileName: string;
  readonly status: 'completed' | 'failed';
  readonly recordCount: number;
  readonly warningCount: number;
  readonly errorCount: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

export interface ImportDetail extends Omit<ImportListItem, 'warningCount' | 'errorCount'> {
  readonly sha256: string;
  readonly warnings: readonly ImportIssueView[];
  readonly errors: readonly ImportIssueView[];
}

export interface UploadFields {
  readonly file: File;
  readonly side: Side;
  readonly format: UploadFormat;
  readonly account?: string;
  readonly currency?: string;
  /** "bank", "ledger" or a profile as JSON. */
  readonly profile?: string;
}

export function uploadImport(fields: UploadFields): Promise<UploadResult> {
  const form = new FormData();
  form.set('file', fields.file, fields.file.name);
  form.set('side', fields.side);
  form.set('format', fields.format);
  if (fields.account) form.set('account', fields.account);
  if (fields.currency) form.set('currency', fields.currency);
  if (fields.profile) form.set('profile', fields.profile);
  return apiRequest<UploadResult>('/api/imports', { method: 'POST', body: form });
}

export const fetchImports = () => getJson<{ items: ImportListItem[]; nextCursor: string | null }>('/api/imports?limit=50');

export const fetchImport = (id: string) => getJson<ImportDetail>(`/api/imports/${encodeURIComponent(id)}`);
