/** A small typed fetch wrapper: JSON in, JSON out, the server's error shape on failure. */
import type { ErrorBody } from './types.ts';

/** The server's error codes, plus two the client raises itself when there is no server body. */
export type ApiErrorCode = ErrorBody['error']['code'] | 'http_error' | 'network_error';

export class ApiError extends Error {
  /** HTTP status; 0 when the request never got a response. */
  readonly status: number;
  readonly code: ApiErrorCode;
  /** The server's error body (details, issues by line, request id), when it sent one. */
  readonly body: ErrorBody['error'] | undefined;
  constructor(status: number, code: ApiErrorCode, message: string, body?: ErrorBody['error']) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

async function errorFrom(response: Response): Promise<ApiError> {
  // A proxy or a crashed server may answer with HTML or nothing: fall back to the status line.
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) return new ApiError(response.status, body.error.code, body.error.message, body.error);
  return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`.trim());
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, except FormData (file uploads), which the browser encodes itself. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Non-2xx statuses whose body is still data (e.g. 503 from /api/health carries a report). */
  readonly allowStatus?: readonly number[];
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    // An abort is the caller's own doing: let it through unchanged.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The API could not be reached');
  }
  if (!response.ok && !options.allowStatus?.includes(response.status)) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function getJson<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'GET' });
}

export function postJson<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'POST', body });
}
