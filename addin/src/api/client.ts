// The one client of OfficeFlow's API: base URL from config.json, the bearer from the session,
// a time-out, and ProblemDetails turned into ApiError with a Russian message.
import { getAccessToken, signOut } from '../auth/session';
import { loadConfig } from './config';
import { ApiError, toApiError, type ProblemDetails } from './errors';

export const requestTimeoutMs = 20_000;

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** 'blob' for documents; JSON otherwise. */
  as?: 'json' | 'blob';
  signal?: AbortSignal;
  anonymous?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const config = await loadConfig();
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (!options.anonymous) {
    const token = await getAccessToken();
    if (!token) throw toApiError(401);
    headers.Authorization = `Bearer ${token}`;
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), requestTimeoutMs);
  const signal = options.signal ? anySignal([options.signal, timeout.signal]) : timeout.signal;
  let response: Response;
  try {
    response = await fetch(joinUrl(config.apiBase, path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw toApiError(timeout.signal.aborted ? -1 : 0);
  } finally {
    clearTimeout(timer);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    const error = toApiError(response.status, problem);
    if (response.status === 401) signOut();
    throw error;
  }
  const data = options.as === 'blob' ? await response.blob() : response.status === 204 ? undefined : await readJson(response);
  return { data: data as T, headers: response.headers, status: response.status };
}

export const get = <T>(path: string, options?: RequestOptions) => api<T>(path, { ...options, method: 'GET' }).then((r) => r.data);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>(path, { ...options, method: 'POST', body }).then((r) => r.data);
export const put = <T>(path: string, body?: unknown, options?: RequestOptions) => api<T>(path, { ...options, method: 'PUT', body }).then((r) => r.data);

/** The file name from Content-Disposition (RFC 6266 filename* first, so a Russian name survives). */
export function fileNameOf(headers: Headers, fallback: string): string {
  const value = headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(value);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(value);
  return plain ? plain[1] : fallback;
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as ProblemDetails) : null;
  } catch {
    return null;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) controller.abort();
    s.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return controller.signal;
}

export { ApiError };
