// Seeding the Excel panes' data through the started app's real API (no page.route answers): any
// answer but 2xx fails the test at once with the method, the path, the status and the body.
import { baseUrl } from '../harness/pane';

/** A client (and an employee) may be called this; the workbook must show it as text, never run it. */
export const hyperlink = '=HYPERLINK("http://x","y")';

/** `method /api/path` as `token`; the parsed JSON answer, or an Error naming the status and the body. */
export async function api<T = unknown>(method: 'GET' | 'POST', path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const url = `${baseUrl()}/api/${path}`;
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} /api/${path} answered ${response.status} ${response.statusText}: ${text || '(empty body)'}` + (body === undefined ? '' : `\nrequest body: ${JSON.stringify(body)}`));
  }
  try {
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    throw new Error(`${method} /api/${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
}
