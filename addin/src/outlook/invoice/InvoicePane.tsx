// «Счёт»: the client's invoices (GET /api/invoices?client=…), «Новый счёт», «Оплата» (accountant),
// «Документ» (POST /api/invoices/{id}/document) and «Акт сверки» (POST /api/invoices/reconciliation).
import { Badge, Button, Card, Divider, Field, Input, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, fileNameOf, get } from '../../api/client';
import { ApiError } from '../../api/errors';
import { hasRole, useSession } from '../../auth/session';
import { formatDate, formatMoney } from '../../i18n/format';
import { t, useLanguage } from '../../i18n/i18n';
import type { OfficeHost } from '../../office/host';
import { ErrorBar } from '../../shared/ErrorBar';
import { useSenderClient } from '../shared/useSenderClient';
import { saveBlob } from '../../shared/files';
import { ClientChooser, useChosenClient } from './ClientChooser';
import { InvoiceForm } from './InvoiceForm';
import { PaymentForm } from './PaymentForm';
import { canTakePayment, overdueText, startOfYearIso, statusLabel, statusTone, todayIso, type Invoice, type InvoiceClient } from './invoiceLogic';

const useStyles = makeStyles({
  fill: { width: '100%', minWidth: 0 },
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS },
  rowHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  amounts: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  recon: { display: 'grid', gap: tokens.spacingHorizontalS, gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', '& > *': { minWidth: 0 } },
});

/** Newest first: the API's ids are YYYY-NNNN, so a descending id order is the issue order. */
export function sortInvoices(list: Invoice[]): Invoice[] {
  return [...list].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export function InvoicePane(props: { host: OfficeHost }) {
  useLanguage();
  const styles = useStyles();
  const sender = useSenderClient(props.host === 'outlook');
  const { client, choose } = useChosenClient(sender);

  return (
    <div className={styles.pane}>
      <ClientChooser sender={sender} client={client} onChoose={choose} prefix="invoice" />
      {client && <ClientInvoices key={client.id} client={client} />}
    </div>
  );
}

function ClientInvoices(props: { client: InvoiceClient }) {
  const styles = useStyles();
  const session = useSession();
  const canPay = hasRole(session, 'accountant', 'admin');
  const canCreate = hasRole(session, 'manager', 'admin');
  const [invoices, setInvoices] = useState<Invoice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    get<Invoice[]>(`invoices?client=${encodeURIComponent(props.client.id)}`, { signal: controller.signal })
      .then((list) => setInvoices(sortInvoices(list ?? [])))
      .catch((e: unknown) => !controller.signal.aborted && setError(e));
    return () => controller.abort();
  }, [props.client.id, generation]);

  return (
    <>
      {canCreate && !creating && (
        <Button appearance="primary" data-testid="new-invoice" onClick={() => setCreating(true)}>
          {t('invoice.new.button')}
        </Button>
      )}
      {creating && (
        <InvoiceForm
          client={props.client}
          onCancel={() => setCreating(false)}
          onDone={(invoice) => {
            setCreating(false);
            setNotice(t('invoice.new.done', { number: invoice.number, amount: formatMoney(invoice.total), due: formatDate(invoice.dueDate) }));
            reload();
          }}
        />
      )}
      {notice && (
        <Text role="status" data-testid="invoice-notice">
          {notice}
        </Text>
      )}
      <Text as="h2" weight="semibold" size={400}>
        {t('invoice.list.title')}
      </Text>
      <ErrorBar error={error} onRetry={reload} />
      {!invoices && !error && (
        <Skeleton aria-label={t('common.loading')} data-testid="invoice-skeleton">
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
          <SkeletonItem size={48} />
        </Skeleton>
      )}
      {invoices && invoices.length === 0 && <Text data-testid="invoice-empty">{t('invoice.list.empty')}</Text>}
      {invoices && invoices.length > 0 && (
        <ul className={styles.list} data-testid="invoice-list" aria-label={t('invoice.list.title')}>
          {invoices.map((invoice) => (
            <li key={invoice.id}>
              <InvoiceRow
                invoice={invoice}
                canPay={canPay}
                paying={paying === invoice.id}
                onPay={() => setPaying(invoice.id)}
                onPaid={(message) => {
                  setPaying(null);
                  if (message) setNotice(message);
                  reload();
                }}
                onCancelPay={() => setPaying(null)}
                onRefused={reload}
              />
            </li>
          ))}
        </ul>
      )}
      <Divider />
      <Reconciliation client={props.client} />
    </>
  );
}

function InvoiceRow(props: {
  invoice: Invoice;
  canPay: boolean;
  paying: boolean;
  onPay: () => void;
  onPaid: (message: string | null) => void;
  onCancelPay: () => void;
  onRefused: () => void;
}) {
  const styles = useStyles();
  const { invoice } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const overdue = overdueText(invoice);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data, headers } = await api<Blob>(`invoices/${encodeURIComponent(invoice.id)}/document`, { method: 'POST', body: {}, as: 'blob' });
      saveBlob(data, fileNameOf(headers, t('invoice.document.fallbackName', { number: invoice.number })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.row} data-testid="invoice-row" data-number={invoice.number} data-id={invoice.id} appearance="outline">
      <div className={styles.rowHead}>
        <Text weight="semibold" className={styles.grow}>
          {t('invoice.row.title', { number: invoice.number, date: formatDate(invoice.issueDate) })}
        </Text>
        <Badge appearance="tint" color={statusTone(invoice)} data-testid="invoice-status">
          {statusLabel(invoice.status)}
        </Badge>
      </div>
      <div className={styles.amounts}>
        <Text>{t('invoice.row.total', { amount: formatMoney(invoice.total) })}</Text>
        {invoice.paid > 0 && <Text>{t('invoice.row.paid', { amount: formatMoney(invoice.paid) })}</Text>}
        {invoice.status !== 'cancelled' && invoice.balance > 0 && invoice.balance !== invoice.total && (
          <Text>{t('invoice.row.balance', { amount: formatMoney(invoice.balance) })}</Text>
        )}
        {invoice.dueDate && invoice.status !== 'paid' && invoice.status !== 'cancelled' && invoice.status !== 'draft' && (
          <Text>{t('invoice.row.due', { date: formatDate(invoice.dueDate) })}</Text>
        )}
      </div>
      {overdue && (
        <Text className={styles.overdue} data-testid="invoice-overdue">
          {overdue}
        </Text>
      )}
      <div className={styles.actions}>
        <Button size="small" data-testid="invoice-document" disabled={busy || invoice.status === 'cancelled'} onClick={download}>
          {busy ? t('invoice.document.loading') : t('invoice.document.button')}
        </Button>
        {props.canPay && canTakePayment(invoice) && !props.paying && (
          <Button size="small" data-testid="invoice-pay" onClick={props.onPay}>
            {t('invoice.payment.button')}
          </Button>
        )}
      </div>
      <ErrorBar error={error} />
      {props.paying && (
        <PaymentForm
          invoice={invoice}
          onCancel={props.onCancelPay}
          onDone={(result) =>
            result
              ? props.onPaid(t('invoice.payment.done', { amount: formatMoney(result.payment.amount), number: invoice.number, status: statusLabel(result.invoice.status).toLowerCase() }))
              : props.onRefused()
          }
        />
      )}
    </Card>
  );
}

export interface ReconciliationBody {
  clientId: string;
  from: string;
  to: string;
}

function Reconciliation(props: { client: InvoiceClient }) {
  const styles = useStyles();
  const [from, setFrom] = useState(startOfYearIso);
  const [to, setTo] = useState(todayIso);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setError(null);
    if (!from || !to || from > to) {
      setError(new ApiError(400, t('invoice.reconciliation.badPeriod')));
      return;
    }
    setBusy(true);
    try {
      const body: ReconciliationBody = { clientId: props.client.id, from, to };
      const { data, headers } = await api<Blob>('invoices/reconciliation', { method: 'POST', body, as: 'blob' });
      saveBlob(data, fileNameOf(headers, t('invoice.reconciliation.fallbackName', { from: formatDate(from), to: formatDate(to) })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('invoice.reconciliation.title')}>
      <Text as="h2" weight="semibold" size={400}>
        {t('invoice.reconciliation.title')}
      </Text>
      <div className={styles.recon}>
        <Field label={t('invoice.reconciliation.from')}>
          <Input className={styles.fill} type="date" value={from} onChange={(_, d) => setFrom(d.value)} />
        </Field>
        <Field label={t('invoice.reconciliation.to')}>
          <Input className={styles.fill} type="date" value={to} onChange={(_, d) => setTo(d.value)} />
        </Field>
      </div>
      <ErrorBar error={error} />
      <Button data-testid="reconciliation" disabled={busy} onClick={download} style={{ marginTop: tokens.spacingVerticalS }}>
        {busy ? t('invoice.document.loading') : t('invoice.reconciliation.button')}
      </Button>
    </section>
  );
}
