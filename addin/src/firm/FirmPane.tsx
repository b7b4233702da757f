// «Реквизиты фирмы»: what every contract, invoice, акт сверки and reminder prints. Everyone sees it;
// an admin fills it in once (the API refuses others with its Russian 403). The demo firm of a local
// run and what a contract still lacks are said at the top; the API's field errors show at their inputs;
// a 412 (another admin saved meanwhile) offers «Обновить».
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { t } from '../i18n/i18n';
import { ConflictBar } from '../shared/ConflictBar';
import { ErrorBar } from '../shared/ErrorBar';
import { formOf, loadFirm, saveFirm, type FirmField, type FirmRequisites, type FirmView } from './firmApi';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(220px, 100%), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  wide: { gridColumn: '1 / -1' },
});

const groups: { legendKey: string; fields: { name: FirmField; wide?: boolean; numeric?: boolean; maxLength: number }[] }[] = [
  {
    legendKey: 'firm.group.company',
    fields: [
      { name: 'name', wide: true, maxLength: 300 },
      { name: 'inn', numeric: true, maxLength: 12 },
      { name: 'kpp', maxLength: 9 },
      { name: 'ogrn', numeric: true, maxLength: 15 },
      { name: 'city', maxLength: 50 },
      { name: 'address', wide: true, maxLength: 500 },
    ],
  },
  {
    legendKey: 'firm.group.bank',
    fields: [
      { name: 'bank', wide: true, maxLength: 200 },
      { name: 'bik', numeric: true, maxLength: 9 },
      { name: 'account', numeric: true, maxLength: 20 },
      { name: 'corrAccount', numeric: true, maxLength: 20 },
    ],
  },
  {
    legendKey: 'firm.group.signatures',
    fields: [
      { name: 'signatoryPosition', maxLength: 200 },
      { name: 'signatoryShort', maxLength: 200 },
      { name: 'signatoryGenitive', wide: true, maxLength: 300 },
      { name: 'basis', maxLength: 200 },
      { name: 'accountantShort', maxLength: 200 },
    ],
  },
];

export function FirmPane() {
  const styles = useStyles();
  const [view, setView] = useState<FirmView | null>(null);
  const [form, setForm] = useState<FirmRequisites | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FirmField, string[]>>>({});
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [savedNote, setSavedNote] = useState(false);

  const show = (next: FirmView) => {
    setView(next);
    setForm(formOf(next));
    setFieldErrors({});
    setConflict(false);
  };

  const reload = async (signal?: AbortSignal) => {
    setError(null);
    try {
      show(await loadFirm(signal));
    } catch (e) {
      if (!signal?.aborted) setError(e);
    }
  };

  useEffect(() => {
    const abort = new AbortController();
    void reload(abort.signal);
    return () => abort.abort();
  }, []);

  const set = (name: FirmField, value: string) => {
    setForm((f) => (f ? { ...f, [name]: value } : f));
    setSavedNote(false);
    if (fieldErrors[name]) setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !form || !view) return;
    setBusy(true);
    setError(null);
    setConflict(false);
    setSavedNote(false);
    try {
      show(await saveFirm(form, view.eTag));
      setSavedNote(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setConflict(true);
      } else {
        const fields = e instanceof ApiError ? (e.fieldErrors as Partial<Record<FirmField, string[]>>) : {};
        setFieldErrors(fields);
        // The messages are at their fields; the bar only says so (the API's generic line would repeat them).
        setError(Object.keys(fields).length > 0 ? new ApiError((e as ApiError).status, t('firm.fixFields')) : e);
      }
    } finally {
      setBusy(false);
    }
  };

  if (!view || !form) {
    return error ? <ErrorBar error={error} /> : <Spinner size="small" label={t('firm.loading')} />;
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid="firm-form" aria-label={t('firm.title')}>
      {view.demo && (
        <MessageBar intent="warning" data-testid="firm-demo">
          <MessageBarBody>
            <MessageBarTitle>{t('firm.demo.title')}</MessageBarTitle>
            {t('firm.demo.body')}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.missing.length > 0 && (
        <MessageBar intent="info" data-testid="firm-missing">
          <MessageBarBody>{t('firm.missing', { fields: view.missing.map((m) => m.label).join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {groups.map((group) => (
        <fieldset key={group.legendKey} className={styles.fieldset}>
          <legend className={styles.legend}>{t(group.legendKey)}</legend>
          {group.fields.map((f) => {
            const messages = fieldErrors[f.name];
            return (
              <Field
                key={f.name}
                className={f.wide ? styles.wide : undefined}
                label={t(`firm.field.${f.name}`)}
                validationState={messages?.length ? 'error' : 'none'}
                validationMessage={messages?.length ? messages.join(' ') : undefined}
                data-testid={`firm-field-${f.name}`}
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
      {conflict && <ConflictBar onReload={() => void reload()} disabled={busy} />}
      <ErrorBar error={error} />
      {savedNote && (
        <MessageBar intent="success" data-testid="firm-saved">
          <MessageBarBody>{t('firm.saved')}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy} data-testid="save-firm">
          {busy ? t('firm.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
