// «Счета»: the invoice register and the debt aging, as two Excel tables with totals rows on the
// sheet «Счета» (replaced on every «Обновить»), filtered by status (the API) and client (here).
import { Button, Card, Field, Input, MessageBar, MessageBarBody, Select, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { countOf, formatDate, formatMoney } from '../../i18n/format';
import { t, useLanguage } from '../../i18n/i18n';
import { writeTablesSheet } from '../../office/excel';
import type { OfficeHost } from '../../office/host';
import { ErrorBar } from '../../shared/ErrorBar';
import { paneError } from '../shared';
import {
  SHEET_NAME,
  agingTable,
  getAging,
  listInvoices,
  matchesClient,
  registerTable,
  sortRegister,
  statuses,
  summarise,
  type AgingReport,
  type RegisterSummary,
  type StatusFilter,
} from './invoicesLogic';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  filters: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', alignItems: 'end' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface Outcome {
  summary: RegisterSummary;
  aging: AgingReport;
  agingTotal: number;
  agingOverdue: number;
  written: boolean;
}

export function InvoicesPane(props: { host: OfficeHost }) {
  useLanguage();
  const styles = useStyles();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [client, setClient] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inExcel = props.host === 'excel';

  const refresh = async () => {
    setBusy(true);
    setError(null);
    try {
      const [list, aging] = await Promise.all([listInvoices(status), getAging()]);
      const invoices = sortRegister((list ?? []).filter((i) => matchesClient(i.clientName, client)));
      const agingRows = agingTable(aging, client);
      if (inExcel) await writeTablesSheet(SHEET_NAME, [registerTable(invoices), agingRows]);
      const shown = aging.clients.filter((c) => matchesClient(c.clientName, client));
      setOutcome({
        summary: summarise(invoices),
        aging,
        agingTotal: Math.round(shown.reduce((s, c) => s + c.buckets.total, 0) * 100) / 100,
        agingOverdue: Math.round(shown.reduce((s, c) => s + c.buckets.overdue, 0) * 100) / 100,
        written: inExcel,
      });
    } catch (e) {
      setError(paneError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.pane}>
      <Text size={200}>{t('excel.invoices.hint')}</Text>
      {!inExcel && (
        <MessageBar intent="info" data-testid="not-in-excel">
          <MessageBarBody>{t('excel.notInExcel')}</MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.filters}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void refresh();
        }}
      >
        <Field label={t('excel.invoices.status')}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as StatusFilter)} data-testid="status-filter" name="status">
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`excel.invoices.status.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('excel.invoices.client')}>
          <Input
            type="search"
            value={client}
            placeholder={t('excel.invoices.clientPlaceholder')}
            onChange={(_, d) => setClient(d.value)}
            data-testid="client-filter"
            name="client"
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="invoices-refresh">
          {t('excel.invoices.refresh')}
        </Button>
      </form>
      <ErrorBar error={error} onRetry={refresh} />
      {busy && (
        <Skeleton aria-label={t('common.loading')}>
          <SkeletonItem size={24} />
          <SkeletonItem size={24} />
        </Skeleton>
      )}
      {outcome && !busy && (
        <Card className={styles.card} data-testid="register-summary" role="status">
          {outcome.summary.count === 0 ? (
            <Text>{t('excel.invoices.empty')}</Text>
          ) : (
            <Text>
              {t('excel.invoices.summary', {
                count: countOf(outcome.summary.count, t('plural.invoices')),
                amount: formatMoney(outcome.summary.amount),
                paid: formatMoney(outcome.summary.paid),
                balance: formatMoney(outcome.summary.balance),
                overdue: `${countOf(outcome.summary.overdueCount, t('plural.invoices'))}, ${formatMoney(outcome.summary.overdueBalance)}`,
              })}
            </Text>
          )}
          <Text>{t('excel.invoices.agingSummary', { date: formatDate(outcome.aging.asOf), total: formatMoney(outcome.agingTotal), overdue: formatMoney(outcome.agingOverdue) })}</Text>
          {outcome.written && <Text size={200}>{t('excel.invoices.written', { sheet: SHEET_NAME })}</Text>}
        </Card>
      )}
    </div>
  );
}
