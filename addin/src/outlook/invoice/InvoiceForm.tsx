// «Новый счёт»: lines with + and −, the VAT rate, a payment term or a due date. POST /api/invoices
// (Idempotency-Key: one per submission, so a retried click returns the same invoice), then
// POST /api/invoices/{id}/issue — the API creates drafts, and issuing gives the dates and records task 2.3.
import { newRequestId } from '../../shared/files';
import { Button, Card, Field, Input, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { api, post } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatMoney } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import {
  buildInvoiceBody,
  draftTotal,
  emptyDraft,
  emptyLine,
  todayIso,
  validateDraft,
  vatOptions,
  type DraftLine,
  type FieldErrors,
  type Invoice,
  type InvoiceClient,
  type InvoiceDraft,
  type VatRate,
} from './invoiceLogic';

const useStyles = makeStyles({
  fill: { width: '100%', minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  line: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS },
  lineHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  numbers: { display: 'grid', gap: tokens.spacingHorizontalS, gridTemplateColumns: 'repeat(auto-fit, minmax(90px, 1fr))', '& > *': { minWidth: 0 } },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  grow: { flexGrow: 1 },
});

/** The messages of the fields the form shows; the rest go to the error bar. */
export function splitFieldErrors(errors: FieldErrors, lineCount: number): { placed: FieldErrors; rest: string[] } {
  const known = new Set(['lines', 'paymentTermDays', 'dueDate', 'vatRate']);
  for (let i = 0; i < lineCount; i++) ['item', 'quantity', 'unit', 'price', 'vatRate'].forEach((f) => known.add(`lines[${i}].${f}`));
  const placed: FieldErrors = {};
  const rest: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const rate = /^lines\[\d+\]\.vatRate$/.test(key) ? 'vatRate' : key;
    if (known.has(rate)) placed[rate] = [...(placed[rate] ?? []), ...messages];
    else rest.push(...messages);
  }
  return { placed, rest };
}

export function InvoiceForm(props: { client: InvoiceClient; onDone: (invoice: Invoice) => void; onCancel: () => void }) {
  const styles = useStyles();
  const [draft, setDraft] = useState<InvoiceDraft>(emptyDraft);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [unissued, setUnissued] = useState<Invoice | null>(null);
  const nextKey = useRef(2);
  const requestId = useRef(newRequestId());

  const edit = (change: (d: InvoiceDraft) => InvoiceDraft) => {
    setDraft(change);
    if (!unissued) requestId.current = newRequestId(); // different content, a different submission
  };
  const setLine = (key: number, patch: Partial<DraftLine>) =>
    edit((d) => ({ ...d, lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const err = (field: string) => fieldErrors[field]?.join(' ');

  const submit = async () => {
    setError(null);
    const local = validateDraft(draft);
    setFieldErrors(local);
    if (Object.keys(local).length > 0) {
      setError(new ApiError(400, t('invoice.error.fixFields')));
      return;
    }
    setBusy(true);
    try {
      let invoice = unissued;
      if (!invoice) {
        const created = await api<Invoice>('invoices', {
          method: 'POST',
          body: buildInvoiceBody(props.client, draft),
          headers: { 'Idempotency-Key': requestId.current },
        });
        invoice = created.data;
      }
      if (invoice.status === 'draft') {
        setUnissued(invoice);
        invoice = await post<Invoice>(`invoices/${encodeURIComponent(invoice.id)}/issue`);
      }
      setUnissued(null);
      requestId.current = newRequestId();
      props.onDone(invoice);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const { placed, rest } = splitFieldErrors(e.fieldErrors, draft.lines.length);
        setFieldErrors(placed);
        setError(new ApiError(e.status, [t('invoice.error.fixFields'), ...rest].join(' ')));
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.form} data-testid="invoice-form" role="form" aria-label={t('invoice.new.title')}>
      <Text as="h2" weight="semibold" size={400}>
        {t('invoice.new.title')}
      </Text>
      <Text size={200}>{t('invoice.new.for', { client: props.client.name })}</Text>
      {draft.lines.map((line, i) => (
        <Card key={line.key} appearance="outline" className={styles.line} data-testid="invoice-line">
          <div className={styles.lineHead}>
            <Text weight="semibold">{t('invoice.line.title', { n: i + 1 })}</Text>
            <Button
              size="small"
              appearance="subtle"
              aria-label={t('invoice.line.remove', { n: i + 1 })}
              disabled={draft.lines.length <= 1}
              onClick={() => edit((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== line.key) }))}
            >
              −
            </Button>
          </div>
          <Field label={t('invoice.line.item')} required validationMessage={err(`lines[${i}].item`)}>
            <Input value={line.item} onChange={(_, d) => setLine(line.key, { item: d.value })} name={`lines[${i}].item`} />
          </Field>
          <div className={styles.numbers}>
            <Field label={t('invoice.line.quantity')} required validationMessage={err(`lines[${i}].quantity`)}>
              <Input className={styles.fill} inputMode="decimal" value={line.quantity} onChange={(_, d) => setLine(line.key, { quantity: d.value })} name={`lines[${i}].quantity`} />
            </Field>
            <Field label={t('invoice.line.unit')} validationMessage={err(`lines[${i}].unit`)}>
              <Input className={styles.fill} value={line.unit} onChange={(_, d) => setLine(line.key, { unit: d.value })} name={`lines[${i}].unit`} />
            </Field>
            <Field label={t('invoice.line.price')} required validationMessage={err(`lines[${i}].price`)}>
              <Input className={styles.fill} inputMode="decimal" value={line.price} onChange={(_, d) => setLine(line.key, { price: d.value })} name={`lines[${i}].price`} />
            </Field>
          </div>
        </Card>
      ))}
      {err('lines') && (
        <Text role="alert" data-testid="lines-error">
          {err('lines')}
        </Text>
      )}
      <div className={styles.row}>
        <Button data-testid="add-item" onClick={() => edit((d) => ({ ...d, lines: [...d.lines, emptyLine(nextKey.current++)] }))}>
          {t('invoice.line.add')}
        </Button>
        <Text className={styles.grow} align="end" data-testid="draft-total">
          {t('invoice.new.sum', { amount: formatMoney(draftTotal(draft)) })}
        </Text>
      </div>
      <Field label={t('invoice.vat.label')} validationMessage={err('vatRate')}>
        <Select data-testid="vat-rate" value={draft.vatRate} onChange={(_, d) => edit((x) => ({ ...x, vatRate: d.value as VatRate }))}>
          {vatOptions().map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('invoice.due.label')}>
        <RadioGroup value={draft.dueMode} onChange={(_, d) => edit((x) => ({ ...x, dueMode: d.value as 'term' | 'date' }))} layout="horizontal">
          <Radio value="term" label={t('invoice.due.term')} />
          <Radio value="date" label={t('invoice.due.date')} />
        </RadioGroup>
      </Field>
      {draft.dueMode === 'term' ? (
        <Field label={t('invoice.due.termDays')} hint={t('invoice.due.termHint')} validationMessage={err('paymentTermDays')}>
          <Input inputMode="numeric" value={draft.termDays} onChange={(_, d) => edit((x) => ({ ...x, termDays: d.value }))} name="paymentTermDays" />
        </Field>
      ) : (
        <Field label={t('invoice.due.dueDate')} required validationMessage={err('dueDate')}>
          <Input type="date" min={todayIso()} value={draft.dueDate} onChange={(_, d) => edit((x) => ({ ...x, dueDate: d.value }))} name="dueDate" />
        </Field>
      )}
      {unissued && <Text data-testid="unissued">{t('invoice.new.unissued', { number: unissued.number })}</Text>}
      <ErrorBar error={error} />
      <div className={styles.row}>
        <Button appearance="primary" data-testid="create-invoice" disabled={busy} onClick={submit}>
          {busy ? t('invoice.new.creating') : t('invoice.new.create')}
        </Button>
        <Button onClick={props.onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Card>
  );
}
