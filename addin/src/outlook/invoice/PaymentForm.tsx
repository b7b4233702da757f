// «Оплата» (accountant): amount and date → POST /api/invoices/{id}/payments with an Idempotency-Key
// per submission. The API's refusals (more than the balance, a cancelled invoice) are shown as they are.
import { Button, Card, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatMoney } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import { newRequestId } from '../../shared/files';
import { parseDecimal, todayIso, type Invoice, type PaymentAdded } from './invoiceLogic';

const useStyles = makeStyles({
  fill: { width: '100%', minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  numbers: { display: 'grid', gap: tokens.spacingHorizontalS, gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', '& > *': { minWidth: 0 } },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface PaymentBody {
  amount: number;
  date: string;
  orderNumber?: string;
}

/** The body of POST /api/invoices/{id}/payments, or the field errors that stop it. */
export function buildPaymentBody(amount: string, date: string, orderNumber: string): { body?: PaymentBody; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const value = parseDecimal(amount);
  if (value === null || value <= 0 || Math.round(value * 100) / 100 !== value) errors.amount = t('invoice.payment.error.amount');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = t('invoice.payment.error.date');
  if (Object.keys(errors).length > 0) return { errors };
  const body: PaymentBody = { amount: value!, date };
  if (orderNumber.trim()) body.orderNumber = orderNumber.trim();
  return { body, errors };
}

export function PaymentForm(props: { invoice: Invoice; onDone: (result: PaymentAdded | null) => void; onCancel: () => void }) {
  const styles = useStyles();
  const [amount, setAmount] = useState(() => props.invoice.balance.toFixed(2).replace('.', ','));
  const [date, setDate] = useState(todayIso);
  const [orderNumber, setOrderNumber] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const requestId = useRef(newRequestId());
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    requestId.current = newRequestId();
  };

  const submit = async () => {
    setError(null);
    const { body, errors } = buildPaymentBody(amount, date, orderNumber);
    setFieldErrors(errors);
    if (!body) return;
    setBusy(true);
    try {
      const { data } = await api<PaymentAdded>(`invoices/${encodeURIComponent(props.invoice.id)}/payments`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': requestId.current },
      });
      requestId.current = newRequestId();
      props.onDone(data ?? null);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const placed: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) if (k === 'amount' || k === 'date') placed[k] = v.join(' ');
        setFieldErrors(placed);
      }
      setError(e);
      // The refusal may come from a change made elsewhere (another payment): the list shows the invoice as it is now.
      if (e instanceof ApiError && e.isConflict) props.onDone(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.form} data-testid="payment-form" appearance="filled-alternative" role="form" aria-label={t('invoice.payment.title', { number: props.invoice.number })}>
      <Text weight="semibold">{t('invoice.payment.title', { number: props.invoice.number })}</Text>
      <Text size={200}>{t('invoice.payment.balance', { amount: formatMoney(props.invoice.balance) })}</Text>
      <div className={styles.numbers}>
        <Field label={t('invoice.payment.amount')} required validationMessage={fieldErrors.amount}>
          <Input className={styles.fill} data-testid="payment-amount" inputMode="decimal" value={amount} onChange={(_, d) => changed(setAmount)(d.value)} />
        </Field>
        <Field label={t('invoice.payment.date')} required validationMessage={fieldErrors.date}>
          <Input className={styles.fill} type="date" value={date} onChange={(_, d) => changed(setDate)(d.value)} />
        </Field>
      </div>
      <Field label={t('invoice.payment.order')}>
        <Input value={orderNumber} onChange={(_, d) => changed(setOrderNumber)(d.value)} />
      </Field>
      <ErrorBar error={error} />
      <div className={styles.row}>
        <Button appearance="primary" data-testid="record-payment" disabled={busy} onClick={submit}>
          {busy ? t('invoice.payment.recording') : t('invoice.payment.record')}
        </Button>
        <Button onClick={props.onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </Card>
  );
}
