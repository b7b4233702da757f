// Choosing the client when the sender is unknown (or outside Outlook): GET /api/clients?search=&limit=10,
// then GET /api/clients/{id} for the card the contract is made for.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api, get } from '../../api/client';
import { ApiError, toApiError } from '../../api/errors';
import type { ClientCard, ClientSearchHit } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  input: { flexGrow: 1, minWidth: '180px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hit: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', whiteSpace: 'normal', height: 'auto' },
});

/** Loads the card; its ETag (needed to save requisites back) comes in the body and the ETag header. */
export async function loadCard(id: string): Promise<ClientCard> {
  const { data, headers } = await api<ClientCard>(`clients/${encodeURIComponent(id)}`);
  return { ...data, eTag: data.eTag || headers.get('ETag') || '' };
}

export function ClientSearch(props: { note: string; onPicked: (card: ClientCard) => void; onCancel?: () => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const search = async () => {
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setHits(await get<ClientSearchHit[]>(`clients?search=${encodeURIComponent(query.trim())}&limit=10`));
    } catch (e) {
      setError(e instanceof ApiError ? e : toApiError(0));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      props.onPicked(await loadCard(id));
    } catch (e) {
      setError(e instanceof ApiError ? e : toApiError(0));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="contract-client-search" data-testid="client-search">
      <Text as="h2" id="contract-client-search" weight="semibold" size={300}>
        {t('contract.client.heading')}
      </Text>
      <Text size={200}>{props.note}</Text>
      <form
        className={styles.row}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Field label={t('contract.client.search')} className={styles.input}>
          <Input value={query} onChange={(_, d) => setQuery(d.value)} name="client-search" data-testid="client-search-input" />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !query.trim()} data-testid="client-search-submit">
          {t('contract.client.find')}
        </Button>
        {props.onCancel && (
          <Button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </form>
      <ErrorBar error={error} />
      {hits && hits.length === 0 && <Text role="status">{t('contract.client.none')}</Text>}
      {hits && hits.length > 0 && (
        <ul className={styles.list} aria-label={t('contract.client.results')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <Button className={styles.hit} appearance="subtle" disabled={busy} onClick={() => void pick(hit.id)} data-testid="client-hit">
                {hit.displayName ?? hit.name ?? hit.id}
                {hit.inn ? ` · ${t('contract.client.inn', { inn: hit.inn })}` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
