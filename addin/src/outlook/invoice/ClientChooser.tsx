// The client a pane works for: the open message's sender's client, or one found by search
// (GET /api/clients?search=&limit=10) when there is none or the user picks another.
import { Button, Field, Input, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { get } from '../../api/client';
import type { ClientSearchHit } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import type { SenderClientState } from '../shared/useSenderClient';
import type { InvoiceClient } from './invoiceLogic';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  hits: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hit: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
});

export const searchDelayMs = 300;

/** The chosen client: the user's pick, else the sender's. A new message (pinned pane) drops the pick. */
export function useChosenClient(sender: SenderClientState): { client: InvoiceClient | null; choose: (c: InvoiceClient | null) => void; fromSender: boolean } {
  const [chosen, setChosen] = useState<InvoiceClient | null>(null);
  const senderClientId = sender.client?.id ?? null;
  useEffect(() => setChosen(null), [senderClientId, sender.sender]);
  if (chosen) return { client: chosen, choose: setChosen, fromSender: false };
  const card = sender.client;
  return {
    client: card ? { id: card.id, name: card.displayName || card.name, email: sender.sender } : null,
    choose: setChosen,
    fromSender: !!card,
  };
}

export function clientName(hit: ClientSearchHit): string {
  return hit.displayName ?? hit.name ?? hit.id;
}

/** The header line with the client, or the search when there is none. */
export function ClientChooser(props: { sender: SenderClientState; client: InvoiceClient | null; onChoose: (c: InvoiceClient | null) => void; prefix: 'invoice' | 'task' }) {
  const styles = useStyles();
  const [searching, setSearching] = useState(false);
  const { sender, client } = props;

  if (sender.loading) {
    return <SkeletonItem size={24} aria-label={t('common.loading')} />;
  }
  if (client && !searching) {
    return (
      <div className={styles.header}>
        <Text weight="semibold" size={400} className={styles.name} data-testid={`${props.prefix}-client-name`}>
          {client.name}
        </Text>
        <Button size="small" appearance="subtle" onClick={() => setSearching(true)}>
          {t('invoice.client.change')}
        </Button>
      </div>
    );
  }
  return (
    <>
      <ErrorBar error={sender.error} onRetry={sender.reload} />
      {sender.unknownSender && !client && <Text>{t('invoice.client.unknownSender')}</Text>}
      <ClientSearch
        onPick={(c) => {
          props.onChoose(c);
          setSearching(false);
        }}
        onCancel={client ? () => setSearching(false) : undefined}
      />
    </>
  );
}

export function ClientSearch(props: { onPick: (c: InvoiceClient) => void; onCancel?: () => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setHits(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      setError(null);
      get<ClientSearchHit[]>(`clients?search=${encodeURIComponent(text)}&limit=10`, { signal: controller.signal })
        .then((found) => setHits(found ?? []))
        .catch((e: unknown) => !controller.signal.aborted && setError(e))
        .finally(() => !controller.signal.aborted && setLoading(false));
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <>
      <Field label={t('invoice.client.search')} hint={t('invoice.client.searchHint')}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} data-testid="client-search" />
      </Field>
      <ErrorBar error={error} />
      {loading && <SkeletonItem size={24} aria-label={t('common.loading')} />}
      {!loading && hits && hits.length === 0 && <Text>{t('invoice.client.notFound')}</Text>}
      {!loading && hits && hits.length > 0 && (
        <ul className={styles.hits} aria-label={t('invoice.client.results')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <Button className={styles.hit} appearance="subtle" onClick={() => props.onPick({ id: hit.id, name: clientName(hit) })}>
                {clientName(hit)}
                {hit.inn ? ` · ${t('invoice.client.inn', { inn: hit.inn })}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {props.onCancel && (
        <Button size="small" appearance="subtle" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      )}
    </>
  );
}
