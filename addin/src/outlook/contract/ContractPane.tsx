// The «Договор» pane: the client (the sender's, or one found by search), the template picker
// (GET /api/contract-templates?clientId=), and the form of the chosen template.
import { Button, Field, Select, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { get } from '../../api/client';
import { ApiError, toApiError } from '../../api/errors';
import type { ClientCard } from '../../api/types';
import { t, useLanguage } from '../../i18n/i18n';
import type { OfficeHost } from '../../office/host';
import { ErrorBar } from '../../shared/ErrorBar';
import { ClientSearch } from '../shared/ClientSearch';
import { loadCard } from '../shared/clientCards';
import { useSenderClient } from '../shared/useSenderClient';
import { ContractForm } from './ContractForm';
import type { ContractTemplate } from './model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  client: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'space-between' },
  clientText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  search: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A native select is as wide as its longest option: keep it (and its field) inside the pane at 350 px.
  pickerField: { minWidth: 0, maxWidth: '100%' },
  picker: { width: '100%', minWidth: 0, maxWidth: '100%' },
  pickerSelect: { width: '100%', minWidth: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export function ContractPane(props: { host: OfficeHost }) {
  useLanguage();
  const styles = useStyles();
  const sender = useSenderClient(props.host === 'outlook');
  const [choosing, setChoosing] = useState(false);
  const client = sender.client;

  if (sender.loading && !client) return <LoadingCard label={t('contract.client.loading')} />;
  if (sender.error && !client) return <ErrorBar error={sender.error} onRetry={sender.reload} />;

  if (!client || choosing) {
    return (
      <div className={styles.root}>
        <section className={styles.search} aria-labelledby="contract-client-search">
          <Text as="h2" id="contract-client-search" weight="semibold" size={300}>
            {t('contract.client.heading')}
          </Text>
          <ClientSearch
            note={t(sender.unknownSender ? 'clients.unknownSender' : 'clients.search.hint')}
            onPick={async (hit) => {
              // The contract is made for the full card (requisites, ETag), not for the search line.
              sender.setClient(await loadCard(hit.id));
              setChoosing(false);
            }}
            onCancel={client ? () => setChoosing(false) : undefined}
          />
        </section>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <section className={styles.client} aria-labelledby="contract-client-heading" data-testid="contract-client">
        <div className={styles.clientText}>
          <Text as="h2" id="contract-client-heading" weight="semibold" size={300}>
            {client.displayName || client.name}
          </Text>
          {client.inn && (
            <Text size={200} className={styles.muted}>
              {t('clients.inn', { inn: client.inn })}
              {client.kpp ? ` / ${client.kpp}` : ''}
            </Text>
          )}
        </div>
        <Button size="small" onClick={() => setChoosing(true)} data-testid="change-client">
          {t('clients.change')}
        </Button>
      </section>
      {/* Another client, another card: the templates and the form start over. */}
      <TemplateSection key={client.id} client={client} onCardSaved={sender.setClient} />
    </div>
  );
}

function TemplateSection(props: { client: ClientCard; onCardSaved: (card: ClientCard) => void }) {
  const styles = useStyles();
  const [templates, setTemplates] = useState<ContractTemplate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState('');
  const [generation, setGeneration] = useState(0);
  const clientId = props.client.id;

  useEffect(() => {
    let cancelled = false;
    setError(null);
    setTemplates(null);
    get<ContractTemplate[]>(`contract-templates?clientId=${encodeURIComponent(clientId)}`)
      .then((list) => !cancelled && setTemplates(list ?? []))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e : toApiError(0)));
    return () => {
      cancelled = true;
    };
  }, [clientId, generation]);

  if (error) return <ErrorBar error={error} onRetry={() => setGeneration((g) => g + 1)} />;
  if (!templates) return <LoadingCard label={t('contract.template.loading')} />;
  if (templates.length === 0) return <Text role="status">{t('contract.template.none')}</Text>;

  const template = templates.find((x) => x.id === selected) ?? null;
  return (
    <>
      <Field label={t('contract.template.label')} required className={styles.pickerField}>
        <Select
          value={selected}
          onChange={(_, d) => setSelected(d.value)}
          data-testid="template-picker"
          name="template"
          className={styles.picker}
          select={{ className: styles.pickerSelect }}
        >
          <option value="" disabled>
            {t('contract.template.placeholder')}
          </option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </Select>
      </Field>
      {template && <ContractForm key={template.id} template={template} client={props.client} onCardSaved={props.onCardSaved} />}
    </>
  );
}

function LoadingCard(props: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.skeleton} role="status" aria-label={props.label} aria-busy="true">
      <Skeleton aria-label={props.label}>
        <SkeletonItem size={24} style={{ width: '60%' }} />
        <SkeletonItem size={16} style={{ width: '40%', marginTop: 8 }} />
        <SkeletonItem size={32} style={{ marginTop: 16 }} />
        <SkeletonItem size={32} style={{ marginTop: 8 }} />
      </Skeleton>
    </div>
  );
}
