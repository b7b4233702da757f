// «Возможно, это тот же клиент, что …»: a client created from a free-mail sender's signature whose name matches an
// existing client without the legal form or INN to confirm it. «Объединить» merges this (newer) client into the
// existing one with the merge API, so the existing client — with its contracts and invoices — survives.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { ClientCard, ClientRef } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import { mergeClients } from '../shared/clientCards';

export function PossibleDuplicate(props: { card: ClientCard; other: ClientRef; onMerged: (survivor: ClientCard) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onMerged(await mergeClients(props.other.id, props.card.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <MessageBar intent="warning" data-testid="possible-duplicate">
        <MessageBarBody>{t('client.duplicate.body', { name: props.other.name })}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void merge()} disabled={busy} data-testid="merge-duplicate">
            {busy ? t('client.duplicate.busy') : t('client.duplicate.merge')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {error !== null && <ErrorBar error={error} onRetry={() => void merge()} />}
    </>
  );
}
