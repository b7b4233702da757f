// The form of one template for one client; «Сформировать» → POST /api/contracts → the preview line,
// «Прикрепить к ответу» and «Скачать»; then the requisites typed here are saved back to the card.
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { api, fileNameOf } from '../../api/client';
import { ApiError, toApiError } from '../../api/errors';
import type { ClientCard } from '../../api/types';
import { formatMoney } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { canAttachToReply } from '../../office/mailItem';
import { replyWithAttachment } from '../../office/outlook';
import { ErrorBar } from '../../shared/ErrorBar';
import { blobToBase64 } from './files';
import { newRequestId, saveBlob } from '../../shared/files';
import { replyHtml } from './reply';
import { loadCard } from '../shared/clientCards';
import { ItemsTable } from './ItemsTable';
import { fieldHint, fieldLabel } from './labels';
import {
  amountOf,
  baselineOf,
  buildFormModel,
  buildRequest,
  changedRequisites,
  initialState,
  missingFields,
  placeErrors,
  type ContractTemplate,
  type FieldErrors,
  type FormControl,
  type FormRow,
  type FormState,
  type ValueControl,
} from './model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 240px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    // Each field as tall as its own label, input and hint: a neighbour's long hint or label must not stretch it.
    alignItems: 'start',
  },
  // A Field is a grid itself: its rows stay at their content's height, so the input keeps its own height.
  field: { alignContent: 'start', minWidth: 0 },
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Generated {
  blob: Blob;
  number: string;
  fileName: string;
  amount: number | null;
}

type CardSave = { state: 'saved' } | null;

export function ContractForm(props: { template: ContractTemplate; client: ClientCard; onCardSaved: (card: ClientCard) => void }) {
  const styles = useStyles();
  const { template, client } = props;
  const controls = useMemo(() => buildFormModel(template.fields), [template]);
  const [form, setForm] = useState<FormState>(() => initialState(controls));
  const [baseline, setBaseline] = useState<Record<string, string>>(() => baselineOf(controls));
  // One id per submission of this form's content: a retry (time-out, 409, double click) gets the same contract.
  const [requestId, setRequestId] = useState(newRequestId);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [generating, setGenerating] = useState(false);
  const [result, setResult] = useState<Generated | null>(null);
  const [attach, setAttach] = useState<{ kind: 'busy' | 'done' | 'fallback' | 'failed'; message?: string } | null>(null);
  const [cardSave, setCardSave] = useState<CardSave>(null);

  const clientControls = controls.filter((c): c is ValueControl => c.type === 'value' && c.source === 'client');
  const termControls = controls.filter((c) => !(c.type === 'value' && c.source === 'client'));

  const change = (next: (f: FormState) => FormState, clears: string[]) => {
    setForm(next);
    setRequestId(newRequestId());
    if (clears.some((k) => Object.keys(fieldErrors).some((e) => e === k || e.startsWith(k + '[') || e.startsWith(k + '.')))) {
      setFieldErrors((errors) =>
        Object.fromEntries(Object.entries(errors).filter(([e]) => !clears.some((k) => e === k || e.startsWith(k + '[') || e.startsWith(k + '.')))),
      );
    }
  };
  const setValue = (name: string, value: string) => change((f) => ({ ...f, values: { ...f.values, [name]: value } }), [name]);
  const setCheck = (name: string, value: boolean) => change((f) => ({ ...f, checks: { ...f.checks, [name]: value } }), [name]);
  const setRows = (name: string, rows: FormRow[]) => change((f) => ({ ...f, rows: { ...f.rows, [name]: rows } }), [name]);

  // The server saves the requisites typed here to the card with the contract (guarded by the card's ETag, retried on a
  // concurrent change); the form only reads the card again, so its values and ETag are the saved ones.
  const showSavedRequisites = async (state: FormState, base: Record<string, string>) => {
    const changed = changedRequisites(controls, state, base);
    if (Object.keys(changed).length === 0) return;
    setBaseline((b) => ({ ...b, ...Object.fromEntries(Object.entries(changed).map(([k, v]) => [`client.${k}`, v])) }));
    setCardSave({ state: 'saved' });
    try {
      props.onCardSaved(await loadCard(client.id));
    } catch {
      // The card is saved; only this pane's copy is older until it is opened again.
    }
  };

  const generate = async () => {
    setError(null);
    const missing = missingFields(controls, form, t('contract.form.required'), t('contract.items.empty'));
    if (Object.keys(missing).length > 0) {
      setFieldErrors(missing);
      setError(new ApiError(400, t('contract.form.fixFields')));
      return;
    }
    setFieldErrors({});
    setGenerating(true);
    const state = form;
    try {
      const body = buildRequest(template.id, client.id, requestId, controls, state);
      const { data, headers } = await api<Blob>('contracts', { method: 'POST', body, as: 'blob' });
      const number = headers.get('X-Contract-Number') ?? '';
      setResult({
        blob: data,
        number,
        fileName: fileNameOf(headers, `Договор ${number}.docx`),
        amount: amountOf(controls, state, template.fields),
      });
      setAttach(null);
      setCardSave(null);
      void showSavedRequisites(state, baseline);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : toApiError(0);
      if (apiError.status === 400 && Object.keys(apiError.fieldErrors).length > 0) {
        const placed = placeErrors(apiError.fieldErrors, controls, state);
        setFieldErrors(placed.fields);
        const title = apiError.problem?.title;
        setError(new ApiError(400, [title, ...placed.unmatched].filter(Boolean).join(' ') || t('contract.form.fixFields')));
      } else {
        setError(apiError);
      }
    } finally {
      setGenerating(false);
    }
  };

  const download = () => result && saveBlob(result.blob, result.fileName);

  const attachToReply = async () => {
    if (!result) return;
    if (!canAttachToReply()) {
      saveBlob(result.blob, result.fileName);
      setAttach({ kind: 'fallback' });
      return;
    }
    setAttach({ kind: 'busy' });
    try {
      const base64 = await blobToBase64(result.blob);
      await replyWithAttachment(result.fileName, base64, replyHtml(result.number));
      setAttach({ kind: 'done' });
    } catch (e) {
      saveBlob(result.blob, result.fileName);
      setAttach({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const renderControl = (c: FormControl) => {
    switch (c.type) {
      case 'value':
        return (
          <Field
            key={c.name}
            className={styles.field}
            label={fieldLabel(c.name)}
            required={c.required}
            hint={fieldHint(c.name)}
            validationMessage={fieldErrors[c.name]?.join(' ')}
          >
            <Input
              name={c.name}
              type={c.input === 'date' ? 'date' : 'text'}
              inputMode={c.input === 'number' ? 'decimal' : undefined}
              value={form.values[c.name] ?? ''}
              disabled={generating}
              onChange={(_, d) => setValue(c.name, d.value)}
            />
          </Field>
        );
      case 'table':
        return (
          <ItemsTable
            key={c.name}
            control={c}
            rows={form.rows[c.name] ?? []}
            errors={fieldErrors}
            disabled={generating}
            onChange={(rows) => setRows(c.name, rows)}
          />
        );
      case 'optional': {
        const on = c.toggle ? !!form.checks[c.name] : true;
        return (
          <div key={c.name} className={styles.section}>
            {c.toggle && (
              <Checkbox
                label={c.name === 'vat_rate' ? t('contract.form.vatOn') : fieldLabel(c.name)}
                checked={on}
                disabled={generating}
                onChange={(_, d) => setCheck(c.name, !!d.checked)}
                name={`${c.name}-on`}
              />
            )}
            {on && (
              <Field label={fieldLabel(c.name)} hint={fieldHint(c.name)} validationMessage={fieldErrors[c.name]?.join(' ')}>
                <Input
                  name={c.name}
                  type={c.input === 'date' ? 'date' : 'text'}
                  inputMode={c.input === 'number' ? 'decimal' : undefined}
                  placeholder={c.name === 'vat_rate' ? t('contract.form.vatDefault') : undefined}
                  value={form.values[c.name] ?? ''}
                  disabled={generating}
                  onChange={(_, d) => setValue(c.name, d.value)}
                />
              </Field>
            )}
            {/* vat_note («Основание освобождения от НДС») is printed only without VAT: hidden while it is ticked. */}
            {(!c.toggle || !on) && c.children.length > 0 && <div className={styles.nested}>{c.children.map(renderControl)}</div>}
          </div>
        );
      }
      case 'flag': {
        const checked = !!form.checks[c.name];
        return (
          <div key={c.name} className={styles.section}>
            <Checkbox label={fieldLabel(c.name)} checked={checked} disabled={generating} onChange={(_, d) => setCheck(c.name, !!d.checked)} name={c.name} />
            {fieldErrors[c.name] && (
              <Text size={200} role="alert">
                {fieldErrors[c.name].join(' ')}
              </Text>
            )}
            {checked !== c.inverted && c.children.length > 0 && <div className={styles.nested}>{c.children.map(renderControl)}</div>}
          </div>
        );
      }
    }
  };

  const simpleTerms = termControls.filter((c) => c.type === 'value');
  const otherTerms = termControls.filter((c) => c.type !== 'value');

  return (
    <form
      className={styles.form}
      data-testid="contract-form"
      aria-labelledby="contract-form-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void generate();
      }}
    >
      <Text as="h2" id="contract-form-heading" weight="semibold" size={300}>
        {template.title}
      </Text>
      <Text size={200} className={styles.muted}>
        {t('contract.form.requiredNote')}
      </Text>

      {clientControls.length > 0 && (
        <section className={styles.section} aria-labelledby="contract-client-fields">
          <Text as="h3" id="contract-client-fields" weight="semibold">
            {t('contract.form.clientSection')}
          </Text>
          <Text size={200} className={styles.muted}>
            {t('contract.form.clientNote')}
          </Text>
          <div className={styles.grid}>{clientControls.map(renderControl)}</div>
        </section>
      )}

      {termControls.length > 0 && (
        <section className={styles.section} aria-labelledby="contract-term-fields">
          <Text as="h3" id="contract-term-fields" weight="semibold">
            {t('contract.form.managerSection')}
          </Text>
          {simpleTerms.length > 0 && <div className={styles.grid}>{simpleTerms.map(renderControl)}</div>}
          {otherTerms.map(renderControl)}
        </section>
      )}

      <ErrorBar error={error} onRetry={error instanceof ApiError && error.status !== 400 ? () => void generate() : undefined} />

      <div className={styles.actions}>
        <Button type="button" appearance="primary" disabled={generating} onClick={() => void generate()} data-testid="generate">
          {t('contract.generate')}
        </Button>
        {generating && <Spinner size="tiny" label={t('contract.generating')} />}
      </div>

      {result && (
        <section className={styles.preview} aria-labelledby="contract-preview-heading">
          <Text as="h3" id="contract-preview-heading" weight="semibold" size={200} className={styles.muted}>
            {t('contract.previewHeading')}
          </Text>
          <Text weight="semibold" size={400} data-testid="contract-preview" role="status">
            {result.amount !== null
              ? t('contract.preview', { number: result.number, amount: formatMoney(result.amount) })
              : t('contract.previewNoAmount', { number: result.number })}
          </Text>
          <Text size={200} className={styles.muted}>
            {result.fileName}
          </Text>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void attachToReply()} disabled={attach?.kind === 'busy'} data-testid="attach-reply">
              {t('contract.attach')}
            </Button>
            <Button onClick={download} data-testid="download">
              {t('contract.download')}
            </Button>
            {attach?.kind === 'busy' && <Spinner size="tiny" label={t('contract.attaching')} />}
          </div>
          {attach?.kind === 'fallback' && (
            <MessageBar intent="warning" data-testid="attach-fallback">
              <MessageBarBody>{t('contract.attachFallback')}</MessageBarBody>
            </MessageBar>
          )}
          {attach?.kind === 'failed' && (
            <MessageBar intent="warning" data-testid="attach-fallback">
              <MessageBarBody>{t('contract.attachFailed', { message: attach.message ?? '' })}</MessageBarBody>
            </MessageBar>
          )}
          {attach?.kind === 'done' && (
            <MessageBar intent="success" data-testid="attach-done">
              <MessageBarBody>{t('contract.attached')}</MessageBarBody>
            </MessageBar>
          )}
          {cardSave?.state === 'saved' && (
            <MessageBar intent="success" data-testid="card-saved">
              <MessageBarBody>{t('contract.card.saved')}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
    </form>
  );
}
