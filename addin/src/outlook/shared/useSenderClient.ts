// The client of the open message's sender, for every Outlook pane. Follows the selection in a
// pinned pane (ItemChanged); outside Outlook, the pane chooses a client by search instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import { get } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ClientCard } from '../../api/types';
import { onItemChanged, senderAddress } from '../../office/mailItem';

export interface SenderClientState {
  sender: string | null;
  client: ClientCard | null;
  loading: boolean;
  /** The sender is not a contact of any client yet («Отправитель ещё не записан»). */
  unknownSender: boolean;
  error: ApiError | null;
  reload: () => void;
  /** Shows another client (search, or the answer of a log-email / edit). */
  setClient: (client: ClientCard | null) => void;
}

export function useSenderClient(inOutlook: boolean): SenderClientState {
  const [sender, setSender] = useState<string | null>(() => (inOutlook ? senderAddress() : null));
  const [client, setClient] = useState<ClientCard | null>(null);
  const [loading, setLoading] = useState(false);
  const [unknownSender, setUnknownSender] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  // Bumped when the user chooses a client, so a sender lookup still on its way does not replace it.
  const choices = useRef(0);

  useEffect(() => {
    if (inOutlook) onItemChanged(() => setSender(senderAddress()));
  }, [inOutlook]);

  useEffect(() => {
    if (!sender) return;
    const choice = choices.current;
    let cancelled = false;
    const stale = () => cancelled || choices.current !== choice;
    setLoading(true);
    setError(null);
    setUnknownSender(false);
    get<ClientCard>(`clients/lookup?email=${encodeURIComponent(sender)}`)
      .then((card) => !stale() && setClient(card))
      .catch((e: unknown) => {
        if (stale()) return;
        setClient(null);
        if (e instanceof ApiError && e.status === 404) setUnknownSender(true);
        else setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [sender, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // A client the user chose (search, a log-email answer) wins over a sender lookup still on its way.
  const choose = useCallback((next: ClientCard | null) => {
    choices.current += 1;
    setUnknownSender(false);
    setError(null);
    setClient(next);
  }, []);
  return { sender, client, loading, unknownSender, error, reload, setClient: choose };
}
