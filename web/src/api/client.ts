/** A small typed fetch wrapper: JSON in, JSON out, the server's error shape on failure. */
import type { ErrorBody } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ErrorBody;
    return new ApiError(response.status, body.error.code, body.error.message);
  } catch {
    return new ApiError(response.status, 'http_error', `${response.status} ${response.statusText}`);
  }
}

export async function getJson<T>(path: string, options: { allowStatus?: readonly number[]; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal: options.signal });
  if (!response.ok && !options.allowStatus?.includes(response.status)) throw await errorFrom(response);
  return (await response.json()) as T;
}
