// The client the «Счёт» pane works for: the open message's sender's client, or one found with the
// shared search (../shared/ClientSearch) when there is none or the user picks another.
import { Button, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import { ClientSearch } from '../shared/ClientSearch';
import type { SenderClientState } from '../shared/useSenderClient';
import type { InvoiceClient } from './invoiceLogic';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

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

/** The header line with the client and «Другой клиент», or the search when there is none. */
export function ClientChooser(props: { sender: SenderClientState; client: InvoiceClient | null; onChoose: (c: InvoiceClient | null) => void; prefix: 'invoice' | 'task' }) {
  const styles = useStyles();
  const [searching, setSearching] = useState(false);
  const { sender, client } = props;

  if (sender.loading) {
    return (
      <Skeleton aria-label={t('common.loading')}>
        <SkeletonItem size={24} />
      </Skeleton>
    );
  }
  if (client && !searching) {
    return (
      <div className={styles.header}>
        <Text weight="semibold" size={400} className={styles.name} data-testid={`${props.prefix}-client-name`}>
          {client.name}
        </Text>
        <Button size="small" appearance="subtle" onClick={() => setSearching(true)} data-testid="change-client">
          {t('clients.change')}
        </Button>
      </div>
    );
  }
  return (
    <>
      <ErrorBar error={sender.error} onRetry={sender.reload} />
      <ClientSearch
        note={sender.unknownSender && !client ? t('clients.unknownSender') : undefined}
        onPick={(hit) => {
          // A search line has the stored name only (no legal form); that is the name the invoice gets.
          props.onChoose({ id: hit.id, name: hit.name });
          setSearching(false);
        }}
        onCancel={client ? () => setSearching(false) : undefined}
      />
    </>
  );
}
