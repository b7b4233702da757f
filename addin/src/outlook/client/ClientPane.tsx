// The «Клиент» pane: the card of the open message's sender (following the selection when pinned),
// «Записать контакт» for an unknown sender, and a search for any other client. Outside Outlook the
// search is the entry point.
import { Badge, Button, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import type { ClientCard, LogEmailRequest } from '../../api/types';
import { t, useLanguage } from '../../i18n/i18n';
import type { OfficeHost } from '../../office/host';
import { currentItem, readLogEmailRequest } from '../../office/mailItem';
import { ErrorBar } from '../../shared/ErrorBar';
import { logEmail, type LogContactResult } from '../commands/logContact';
import { ClientSearch } from '../shared/ClientSearch';
import { loadCard } from '../shared/clientCards';
import { useSenderClient } from '../shared/useSenderClient';
import { CardSections } from './CardSections';
import { PossibleDuplicate } from './PossibleDuplicate';
import { overdueText, taxIdsText } from './logic';
import { RequisitesFormView } from './RequisitesFormView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  name: { margin: 0, overflowWrap: 'anywhere' },
  secondary: { color: tokens.colorNeutralForeground2 },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start', alignSelf: 'flex-start', paddingTop: '2px', paddingBottom: '2px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  unknown: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  heading: { margin: 0 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skeletonRow: { display: 'grid', gridTemplateColumns: '1fr', gap: tokens.spacingVerticalXS },
});

export interface ClientPaneProps {
  host: OfficeHost;
  /** Reads the open message for «Записать контакт» (Outlook: office/mailItem.ts); tests hand in their own. */
  readMessage?: () => Promise<LogEmailRequest | null>;
}

async function readOpenMessage(): Promise<LogEmailRequest | null> {
  const item = currentItem();
  return item ? readLogEmailRequest(item) : null;
}

export function ClientPane(props: ClientPaneProps) {
  useLanguage();
  const styles = useStyles();
  const inOutlook = props.host === 'outlook';
  const sender = useSenderClient(inOutlook);
  const card = sender.client;
  const showCard = sender.setClient;

  const [cardLoading, setCardLoading] = useState(false);
  const [cardError, setCardError] = useState<{ error: unknown; id: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);
  const [logResult, setLogResult] = useState<LogContactResult | null>(null);
  const [logging, setLogging] = useState(false);
  const request = useRef(0);

  // A pinned pane that moves to another message starts over with that message's sender.
  useEffect(() => {
    request.current++;
    setCardLoading(false);
    setCardError(null);
    setEditing(false);
    setSaved(false);
    setMerged(null);
    setLogResult(null);
  }, [sender.sender]);

  /** GET /api/clients/{id}; `quiet` keeps the card on screen while it is read (after logging). */
  const openClient = useCallback(
    async (id: string, quiet = false) => {
      const mine = ++request.current;
      if (!quiet) setCardLoading(true);
      setCardError(null);
      setEditing(false);
      setSaved(false);
      setMerged(null);
      try {
        const fresh = await loadCard(id);
        if (mine === request.current) showCard(fresh);
      } catch (error) {
        if (mine === request.current && !quiet) setCardError({ error, id });
      } finally {
        if (mine === request.current) setCardLoading(false);
      }
    },
    [showCard],
  );

  const logContact = async () => {
    setLogging(true);
    setLogResult(null);
    const read = props.readMessage ?? readOpenMessage;
    const result = await logEmail(async () => {
      const message = await read();
      if (!message) throw new ApiError(400, t('logContact.noItem'));
      return message;
    });
    setLogging(false);
    setLogResult(result);
    const logged = result.outcome?.client;
    if (logged) {
      // The log-email answer has no contracts or invoices: show it, then read the full card.
      showCard(logged);
      void openClient(logged.id, true);
    }
  };

  const loading = sender.loading || cardLoading;
  let main;
  if (loading) {
    main = <CardSkeleton />;
  } else if (cardError) {
    main = <ErrorBar error={cardError.error} onRetry={() => void openClient(cardError.id)} />;
  } else if (card) {
    main = (
      <CardView
        card={card}
        editing={editing}
        saved={saved}
        onEdit={() => {
          setSaved(false);
          setEditing(true);
        }}
        onCancel={() => setEditing(false)}
        onSaved={(next) => {
          showCard(next);
          setEditing(false);
          setSaved(true);
        }}
        onReloaded={(next) => showCard(next)}
        merged={merged}
        onMerged={(survivor) => {
          setLogResult(null);
          setMerged(survivor.displayName || survivor.name);
          showCard(survivor);
        }}
      />
    );
  } else if (sender.error) {
    main = <ErrorBar error={sender.error} onRetry={sender.reload} />;
  } else if (sender.unknownSender && !(logResult?.outcome && logResult.outcome.status !== 'NotLogged')) {
    main = (
      <section className={styles.unknown} data-testid="unknown-sender" aria-labelledby="client-unknown-title">
        <Text as="h2" id="client-unknown-title" weight="semibold" size={500} className={styles.heading}>
          {t('client.unknown.title')}
        </Text>
        {sender.sender && <Text className={styles.secondary}>{t('client.unknown.body', { sender: sender.sender })}</Text>}
        <Button appearance="primary" onClick={() => void logContact()} disabled={logging} data-testid="log-contact">
          {logging ? t('client.logContact.busy') : t('client.logContact')}
        </Button>
      </section>
    );
  } else {
    main = <Text className={styles.secondary}>{t(inOutlook ? 'client.noItem' : 'clients.search.hint')}</Text>;
  }

  return (
    <div className={styles.root} data-testid="client-pane">
      <ClientSearch onPick={(hit) => void openClient(hit.id)} />
      {logResult && (
        <MessageBar
          intent={logResult.kind === 'error' ? 'error' : logResult.outcome?.status === 'NotLogged' ? 'warning' : 'success'}
          role={logResult.kind === 'error' ? 'alert' : 'status'}
          data-testid="log-result"
        >
          <MessageBarBody>{logResult.message}</MessageBarBody>
        </MessageBar>
      )}
      {main}
    </div>
  );
}

function CardView(props: {
  card: ClientCard;
  editing: boolean;
  saved: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSaved: (card: ClientCard) => void;
  onReloaded: (card: ClientCard) => void;
  merged: string | null;
  onMerged: (survivor: ClientCard) => void;
}) {
  const styles = useStyles();
  const { card } = props;
  const overdue = overdueText(card.openInvoices);
  const taxIds = taxIdsText(card);
  return (
    <>
      <header className={styles.header} data-testid="client-header">
        <Text as="h2" weight="semibold" size={500} className={styles.name} data-testid="client-name">
          {card.displayName || card.name}
        </Text>
        {taxIds && <Text className={styles.secondary}>{taxIds}</Text>}
        {overdue && (
          <Badge appearance="filled" color="danger" size="large" shape="rounded" className={styles.badge} data-testid="overdue-badge">
            {overdue}
          </Badge>
        )}
        {!props.editing && (
          <div className={styles.actions}>
            <Button onClick={props.onEdit} data-testid="edit-requisites">
              {t('client.edit')}
            </Button>
          </div>
        )}
      </header>
      {card.possibleDuplicateOf && !props.editing && <PossibleDuplicate card={card} other={card.possibleDuplicateOf} onMerged={props.onMerged} />}
      {props.merged && (
        <MessageBar intent="success" role="status" data-testid="merged">
          <MessageBarBody>{t('client.duplicate.merged', { name: props.merged })}</MessageBarBody>
        </MessageBar>
      )}
      {props.saved && (
        <MessageBar intent="success" role="status" data-testid="saved">
          <MessageBarBody>{t('client.saved')}</MessageBarBody>
        </MessageBar>
      )}
      {props.editing ? (
        <RequisitesFormView key={card.id} card={card} onSaved={props.onSaved} onReloaded={props.onReloaded} onCancel={props.onCancel} />
      ) : (
        <CardSections card={card} />
      )}
    </>
  );
}

function CardSkeleton() {
  const styles = useStyles();
  return (
    <Skeleton aria-label={t('client.loading')} className={styles.skeleton} data-testid="client-skeleton">
      <SkeletonItem size={28} style={{ width: '70%' }} />
      <SkeletonItem size={16} style={{ width: '50%' }} />
      <SkeletonItem size={20} style={{ width: '60%' }} />
      {[0, 1, 2].map((i) => (
        <div key={i} className={styles.skeletonRow}>
          <SkeletonItem size={20} style={{ width: '35%' }} />
          <SkeletonItem size={16} />
          <SkeletonItem size={16} style={{ width: '80%' }} />
        </div>
      ))}
    </Skeleton>
  );
}
