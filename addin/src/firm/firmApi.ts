// The firm's requisites: GET /api/firm (every role) and PUT /api/firm (admin) over the version read
// (If-Match: the ETag of the GET; the first save, before anything is stored, sends none).
import { api } from '../api/client';

export const firmFields = [
  'name', 'inn', 'kpp', 'ogrn', 'address', 'city',
  'bank', 'bik', 'account', 'corrAccount',
  'signatoryPosition', 'signatoryGenitive', 'signatoryShort', 'basis', 'accountantShort',
] as const;

export type FirmField = (typeof firmFields)[number];
export type FirmRequisites = Record<FirmField, string>;

export interface FirmView {
  requisites: FirmRequisites;
  missing: { field: FirmField; label: string }[];
  complete: boolean;
  demo: boolean;
  saved: boolean;
  /** The ETag a save must send back; empty until the firm is saved once. */
  eTag: string;
}

export async function loadFirm(signal?: AbortSignal): Promise<FirmView> {
  const { data, headers } = await api<Omit<FirmView, 'eTag'>>('firm', { signal });
  return { ...data, eTag: headers.get('ETag') ?? '' };
}

export async function saveFirm(requisites: FirmRequisites, eTag: string): Promise<FirmView> {
  const { data, headers } = await api<Omit<FirmView, 'eTag'>>('firm', {
    method: 'PUT',
    body: requisites,
    headers: eTag ? { 'If-Match': eTag } : {},
  });
  return { ...data, eTag: headers.get('ETag') ?? '' };
}

/** The form's values: every field a string (the API may leave one out). */
export function formOf(view: FirmView): FirmRequisites {
  return Object.fromEntries(firmFields.map((f) => [f, view.requisites?.[f] ?? ''])) as FirmRequisites;
}
