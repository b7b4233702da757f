// «Задача»: search the catalog (GET /api/tasks/catalog), pick a task, the client (the sender's by
// default), minutes and a note → POST /api/tasks; below, «Мой месяц» (GET /api/me/month), reloaded
// after each logged task.
import {
  Button,
  Card,
  Field,
  Input,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, get } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatNumber } from '../../i18n/format';
import { t, useLanguage } from '../../i18n/i18n';
import type { OfficeHost } from '../../office/host';
import { ErrorBar } from '../../shared/ErrorBar';
import { newRequestId } from '../../shared/files';
import { ClientSearch } from '../shared/ClientSearch';
import { useSenderClient } from '../shared/useSenderClient';
import {
  bandText,
  buildTaskBody,
  fulfilmentPercent,
  fulfilmentRatio,
  loggedText,
  pointsText,
  searchCatalog,
  validateTask,
  type CatalogTask,
  type MyMonth,
  type TaskCatalog,
  type TaskDraft,
  type TaskEntry,
} from './taskLogic';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  options: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    maxHeight: '240px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  option: { width: '100%', justifyContent: 'flex-start', textAlign: 'start', fontWeight: tokens.fontWeightRegular, minHeight: '32px' },
  selected: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  code: { minWidth: '3em', display: 'inline-block', color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '180px' },
  figures: { display: 'grid', gap: tokens.spacingHorizontalS, gridTemplateColumns: 'repeat(auto-fit, minmax(100px, 1fr))' },
  figure: { display: 'flex', flexDirection: 'column' },
});

const maxOptions = 50;

export function TaskPane(props: { host: OfficeHost }) {
  useLanguage();
  const styles = useStyles();
  const [generation, setGeneration] = useState(0);
  const reloadMonth = useCallback(() => setGeneration((g) => g + 1), []);
  return (
    <div className={styles.pane}>
      <LogTask host={props.host} onLogged={reloadMonth} />
      <MyMonthCard generation={generation} onRetry={reloadMonth} />
    </div>
  );
}

function LogTask(props: { host: OfficeHost; onLogged: () => void }) {
  const styles = useStyles();
  const sender = useSenderClient(props.host === 'outlook');
  const [catalog, setCatalog] = useState<TaskCatalog | null>(null);
  const [catalogError, setCatalogError] = useState<unknown>(null);
  const [catalogGeneration, setCatalogGeneration] = useState(0);
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<TaskDraft>({ taskCode: '', clientId: null, clientName: '', minutes: '', note: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const requestId = useRef(newRequestId());
  const clientTouched = useRef(false);
  const [findingClient, setFindingClient] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setCatalogError(null);
    get<TaskCatalog>('tasks/catalog', { signal: controller.signal })
      .then(setCatalog)
      .catch((e: unknown) => !controller.signal.aborted && setCatalogError(e));
    return () => controller.abort();
  }, [catalogGeneration]);

  // The sender's client is the default, until the user edits or clears the field.
  const senderCard = sender.client;
  useEffect(() => {
    if (clientTouched.current) return;
    setDraft((d) => ({ ...d, clientId: senderCard?.id ?? null, clientName: senderCard ? senderCard.displayName || senderCard.name : '' }));
  }, [senderCard]);

  const edit = (patch: Partial<TaskDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    requestId.current = newRequestId(); // another submission
  };

  const options = useMemo(() => (catalog ? searchCatalog(catalog.tasks, query) : []), [catalog, query]);
  const selected: CatalogTask | undefined = catalog?.tasks.find((c) => c.code === draft.taskCode);

  const submit = async () => {
    setError(null);
    setResult(null);
    const errors = validateTask(draft);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      const { data } = await api<TaskEntry>('tasks', { method: 'POST', body: buildTaskBody(draft, requestId.current) });
      setResult(loggedText(data, catalog?.tasks ?? []));
      requestId.current = newRequestId();
      setDraft((d) => ({ ...d, minutes: '', note: '' }));
      props.onLogged();
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fieldErrors).length > 0) {
        const placed: Record<string, string> = {};
        for (const [k, v] of Object.entries(e.fieldErrors)) placed[k] = v.join(' ');
        setFieldErrors(placed);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.form} role="form" aria-label={t('task.form.title')}>
      <Text as="h2" weight="semibold" size={400}>
        {t('task.form.title')}
      </Text>
      <Field label={t('task.search.label')} hint={t('task.search.hint')} validationMessage={fieldErrors.taskCode}>
        <Input type="search" data-testid="task-search" value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      <ErrorBar error={catalogError} onRetry={() => setCatalogGeneration((g) => g + 1)} />
      {!catalog && !catalogError && (
        <Skeleton aria-label={t('common.loading')} data-testid="task-skeleton">
          <SkeletonItem size={32} />
          <SkeletonItem size={32} />
          <SkeletonItem size={32} />
        </Skeleton>
      )}
      {catalog && options.length === 0 && <Text data-testid="task-none">{t('task.search.none')}</Text>}
      {catalog && options.length > 0 && (
        <ul className={styles.options} data-testid="task-options" aria-label={t('task.search.results')}>
          {options.slice(0, maxOptions).map((task) => {
            const on = task.code === draft.taskCode;
            return (
              <li key={task.code}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.option, on && styles.selected)}
                  data-code={task.code}
                  aria-pressed={on}
                  onClick={() => edit({ taskCode: task.code })}
                >
                  <span className={styles.code}>{task.code}</span>
                  {task.title} · {t('task.option.points', { points: pointsText(task.points) })}
                </Button>
              </li>
            );
          })}
          {options.length > maxOptions && (
            <li>
              <Text size={200}>{t('task.search.more', { count: options.length - maxOptions })}</Text>
            </li>
          )}
        </ul>
      )}
      {selected && (
        <Text data-testid="task-selected">
          {t('task.selected', { code: selected.code, title: selected.title, class: selected.complexityClass, points: pointsText(selected.points) })}
        </Text>
      )}
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label={t('task.client.label')}
          hint={draft.clientId ? t(draft.clientId === senderCard?.id ? 'task.client.fromCard' : 'task.client.fromSearch') : undefined}
          validationMessage={fieldErrors.clientName}
        >
          <Input
            data-testid="task-client"
            value={draft.clientName}
            onChange={(_, d) => {
              clientTouched.current = true;
              // A name typed by hand is not the card's client any more.
              edit({ clientName: d.value, clientId: null });
            }}
          />
        </Field>
        {draft.clientName && (
          <Button
            onClick={() => {
              clientTouched.current = true;
              edit({ clientName: '', clientId: null });
            }}
          >
            {t('task.client.clear')}
          </Button>
        )}
        {!findingClient && (
          <Button onClick={() => setFindingClient(true)} data-testid="task-find-client">
            {t('task.client.find')}
          </Button>
        )}
      </div>
      {/* A client from the database (with its id); the field above still takes a name typed by hand. */}
      {findingClient && (
        <ClientSearch
          onPick={(hit) => {
            clientTouched.current = true;
            edit({ clientId: hit.id, clientName: hit.name });
            setFindingClient(false);
          }}
          onCancel={() => setFindingClient(false)}
        />
      )}
      <Field label={t('task.minutes.label')} hint={t('task.minutes.hint')} validationMessage={fieldErrors.minutes}>
        <Input data-testid="task-minutes" inputMode="numeric" value={draft.minutes} onChange={(_, d) => edit({ minutes: d.value })} />
      </Field>
      <Field label={t('task.note.label')} validationMessage={fieldErrors.note}>
        <Textarea value={draft.note} onChange={(_, d) => edit({ note: d.value })} resize="vertical" />
      </Field>
      <ErrorBar error={error} />
      <Button appearance="primary" data-testid="log-task" disabled={busy || !draft.taskCode} onClick={submit}>
        {busy ? t('task.submitting') : t('task.submit')}
      </Button>
      {result && (
        <Text role="status" weight="semibold" data-testid="task-result">
          {result}
        </Text>
      )}
    </Card>
  );
}

function MyMonthCard(props: { generation: number; onRetry: () => void }) {
  const styles = useStyles();
  const [month, setMonth] = useState<MyMonth | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    get<MyMonth>('me/month', { signal: controller.signal })
      .then(setMonth)
      .catch((e: unknown) => !controller.signal.aborted && setError(e));
    return () => controller.abort();
  }, [props.generation]);

  return (
    <Card className={styles.form} data-testid="my-month" role="region" aria-label={t('task.month.title')}>
      <Text as="h2" weight="semibold" size={400}>
        {t('task.month.title')}
      </Text>
      <ErrorBar error={error} onRetry={props.onRetry} />
      {!month && !error && (
        <Skeleton aria-label={t('common.loading')}>
          <SkeletonItem size={24} />
          <SkeletonItem size={16} />
          <SkeletonItem size={24} />
        </Skeleton>
      )}
      {month && (
        <>
          <div className={styles.figures}>
            <div className={styles.figure}>
              <Text size={200}>{t('task.month.points')}</Text>
              <Text size={500} weight="semibold" data-testid="my-points">
                {formatNumber(month.points, 2)}
              </Text>
            </div>
            <div className={styles.figure}>
              <Text size={200}>{t('task.month.plan')}</Text>
              <Text size={500} weight="semibold" data-testid="my-plan">
                {formatNumber(month.plan, 2)}
              </Text>
            </div>
          </div>
          {/* The fulfilment once: in the progress bar's label («Выполнение плана: 9,2 %»). */}
          <Field
            label={
              <>
                {t('task.month.progress')}: <span data-testid="my-fulfilment">{fulfilmentPercent(month)}</span>
              </>
            }
          >
            <ProgressBar data-testid="my-progress" value={Math.max(0, Math.min(1, fulfilmentRatio(month)))} max={1} thickness="large" />
          </Field>
          <Text weight="semibold" data-testid="my-band">
            {bandText(month)}
          </Text>
        </>
      )}
    </Card>
  );
}
