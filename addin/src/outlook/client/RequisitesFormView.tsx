// «Изменить реквизиты»: the requisites form. Saves with PUT /api/clients/{id} over the version the
// manager read (If-Match: the card's ETag); the API's field errors are shown at their inputs; a 412
// offers «Обновить», which reads the card again and refills the form.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/errors';
import type { ClientCard } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ConflictBar } from '../../shared/ConflictBar';
import { ErrorBar } from '../../shared/ErrorBar';
import { loadCard, updateClient } from '../shared/clientCards';
import { buildUpdateBody, formFromCard, mapFieldErrors, validateForm, type FieldErrors, type FormField, type RequisitesForm } from './logic';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(220px, 100%), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  wide: { gridColumn: '1 / -1' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

type Group = { legendKey: string; fields: { name: FormField; wide?: boolean; required?: boolean; numeric?: boolean; maxLength?: number; hintKey?: string }[] };

const groups: Group[] = [
  {
    legendKey: 'client.form.company',
    fields: [
      { name: 'legalForm', maxLength: 100 },
      { name: 'name', required: true, maxLength: 300 },
      { name: 'inn', numeric: true, maxLength: 14 },
      { name: 'kpp', maxLength: 11 },
      { name: 'ogrn', numeric: true, maxLength: 17 },
      { name: 'address', wide: true, maxLength: 500 },
      { name: 'website', maxLength: 200 },
      { name: 'domains', hintKey: 'client.field.domainsHint', maxLength: 500 },
    ],
  },
  {
    legendKey: 'client.form.bank',
    fields: [
      { name: 'bankName', wide: true, maxLength: 300 },
      { name: 'bik', numeric: true, maxLength: 11 },
      { name: 'settlementAccount', numeric: true, maxLength: 25 },
      { name: 'correspondentAccount', numeric: true, maxLength: 25 },
    ],
  },
  {
    legendKey: 'client.form.signatory',
    fields: [
      { name: 'signatoryName', maxLength: 200 },
      { name: 'signatoryPosition', maxLength: 200 },
      { name: 'signatoryBasis', wide: true, maxLength: 200 },
    ],
  },
];

export interface RequisitesFormProps {
  card: ClientCard;
  /** The saved card (PUT's answer), or the card read again after a 412. */
  onSaved: (card: ClientCard) => void;
  onReloaded: (card: ClientCard) => void;
  onCancel: () => void;
}

export function RequisitesFormView(props: RequisitesFormProps) {
  const styles = useStyles();
  const [form, setForm] = useState<RequisitesForm>(() => formFromCard(props.card));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (name: FormField, value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    if (fieldErrors[name]) setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = validateForm(form);
    setConflict(false);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      setError(new ApiError(400, t('client.form.fixFields')));
      return;
    }
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      props.onSaved(await updateClient(props.card.id, props.card.eTag, buildUpdateBody(form)));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setConflict(true);
      } else if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const mapped = mapFieldErrors(e.fieldErrors);
        setFieldErrors(mapped.fields);
        setError(new ApiError(e.status, [t('client.form.fixFields'), ...mapped.other].join(' '), e.fieldErrors, e.problem));
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await loadCard(props.card.id);
      setForm(formFromCard(fresh));
      setFieldErrors({});
      setConflict(false);
      props.onReloaded(fresh);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} data-testid="requisites-form" onSubmit={submit} noValidate aria-labelledby="client-requisites-title">
      <Text as="h3" id="client-requisites-title" weight="semibold" size={400} className={styles.heading}>
        {t('client.form.title')}
      </Text>
      {groups.map((group) => (
        <fieldset key={group.legendKey} className={styles.fieldset}>
          <legend className={styles.legend}>{t(group.legendKey)}</legend>
          {group.fields.map((f) => {
            const messages = fieldErrors[f.name];
            return (
              <Field
                key={f.name}
                className={f.wide ? styles.wide : undefined}
                label={t(`client.field.${f.name}`)}
                required={f.required}
                hint={f.hintKey ? t(f.hintKey) : undefined}
                validationState={messages?.length ? 'error' : 'none'}
                validationMessage={messages?.length ? messages.join(' ') : undefined}
                data-testid={`field-${f.name}`}
              >
                <Input
                  name={f.name}
                  value={form[f.name]}
                  maxLength={f.maxLength}
                  inputMode={f.numeric ? 'numeric' : undefined}
                  autoComplete="off"
                  onChange={(_, d) => set(f.name, d.value)}
                />
              </Field>
            );
          })}
        </fieldset>
      ))}
      {conflict && <ConflictBar onReload={reload} disabled={busy} />}
      <ErrorBar error={error} />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="save-requisites">
          {busy ? t('client.form.saving') : t('common.save')}
        </Button>
        <Button type="button" onClick={props.onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
