// The client pane's API calls, with the exact shapes of OfficeFlow's C# records (./types.ts).
import { api, get } from '../../api/client';
import type { ClientCardView, ClientSearchHit, ClientUpdateBody } from './types';

export const searchLimit = 10;

/** GET /api/clients?search=<text>&limit=10 */
export function searchClients(text: string, signal?: AbortSignal): Promise<ClientSearchHit[]> {
  return get<ClientSearchHit[]>(`clients?search=${encodeURIComponent(text.trim())}&limit=${searchLimit}`, { signal }).then((hits) => hits ?? []);
}

/** GET /api/clients/{id} */
export function getClient(id: string, signal?: AbortSignal): Promise<ClientCardView> {
  return get<ClientCardView>(`clients/${encodeURIComponent(id)}`, { signal });
}

/** PUT /api/clients/{id} with If-Match: the card's ETag (a header, not a body field); answers with the saved card. */
export async function updateClient(id: string, eTag: string, body: ClientUpdateBody): Promise<ClientCardView> {
  const response = await api<ClientCardView>(`clients/${encodeURIComponent(id)}`, { method: 'PUT', body, headers: { 'If-Match': eTag } });
  return response.data;
}
