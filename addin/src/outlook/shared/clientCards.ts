// The client calls every Outlook pane shares: the search, the card (with the ETag a save must send back)
// and saving the requisites. One place, so the panes agree on the URLs, the limit and the ETag.
import { api, get } from '../../api/client';
import type { ClientCard, ClientSearchHit, ClientUpdateBody } from '../../api/types';

/** Hits per search: a pane 350 px wide shows about this many without scrolling far. */
export const searchLimit = 10;

/** GET /api/clients?search=<text>&limit=10 (the API takes 1–200 characters). */
export function searchClients(text: string, signal?: AbortSignal): Promise<ClientSearchHit[]> {
  return get<ClientSearchHit[]>(`clients?search=${encodeURIComponent(text.trim())}&limit=${searchLimit}`, { signal }).then((hits) => hits ?? []);
}

/** GET /api/clients/{id}: the full card; its ETag (needed to save requisites back) is in the body and the ETag header. */
export async function loadCard(id: string, signal?: AbortSignal): Promise<ClientCard> {
  const { data, headers } = await api<ClientCard>(`clients/${encodeURIComponent(id)}`, { signal });
  return { ...data, eTag: data.eTag || headers.get('ETag') || '' };
}

/**
 * PUT /api/clients/{id} with If-Match: the card's ETag (a header, not a body field). Answers with the saved
 * card, whose ETag is the one the next save must send (412 when someone changed the card meanwhile).
 */
export async function updateClient(id: string, eTag: string, body: ClientUpdateBody): Promise<ClientCard> {
  const { data, headers } = await api<ClientCard>(`clients/${encodeURIComponent(id)}`, { method: 'PUT', body, headers: { 'If-Match': eTag } });
  return { ...data, eTag: data?.eTag || headers.get('ETag') || eTag };
}

/**
 * POST /api/clients/{targetId}/merge {sourceId}: the duplicate's contacts and events move to the target, which
 * survives; answers with the target's card (repeating it is harmless).
 */
export async function mergeClients(targetId: string, sourceId: string): Promise<ClientCard> {
  const { data, headers } = await api<{ client: ClientCard }>(`clients/${encodeURIComponent(targetId)}/merge`, { method: 'POST', body: { sourceId } });
  return { ...data.client, eTag: data.client.eTag || headers.get('ETag') || '' };
}
