// «Оценки за месяц»: the accountant (and the admin) loads a month into the open workbook as three
// sheets with live formulas, or downloads the month's workbook; a manager sees only their own row.
import { Button, Card, Field, Input, MessageBar, MessageBarBody, ProgressBar, Skeleton, SkeletonItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hasRole, useSession } from '../../auth/session';
import { countOf, formatMoney, formatNumber, plural } from '../../i18n/format';
import { t, useLanguage } from '../../i18n/i18n';
import { writeGradesMonth } from '../../office/excel';
import type { OfficeHost } from '../../office/host';
import { ErrorBar } from '../../shared/ErrorBar';
import { saveBlob } from '../../shared/files';
import { isMonth, paneError, previousMonth } from '../shared';
import { downloadWorkbook, getMonthGrades, getMonthSheets, getTaskChunk, headOf, totalPay, type EmployeeGrade, type MonthGrades } from './gradesApi';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  month: { maxWidth: '220px' },
});

export function GradesPane(props: { host: OfficeHost; now?: Date }) {
  useLanguage();
  const styles = useStyles();
  const session = useSession();
  const seesPay = hasRole(session, 'accountant', 'admin');
  const [month, setMonth] = useState(() => previousMonth(props.now));
  const valid = isMonth(month);

  return (
    <div className={styles.pane}>
      <Field
        label={t('excel.grades.month')}
        hint={valid ? t('excel.grades.monthHint') : undefined}
        validationMessage={valid ? undefined : t('excel.grades.monthInvalid')}
        validationState={valid ? 'none' : 'error'}
        className={styles.month}
      >
        <Input type="month" value={month} onChange={(_, d) => setMonth(d.value)} data-testid="month-picker" name="month" />
      </Field>
      {valid && (seesPay ? <AccountantView month={month} host={props.host} /> : <ManagerView month={month} userId={session?.userId ?? ''} />)}
    </div>
  );
}

/** GET /api/grades/{month}: loads on every month change; `reload` asks again. */
function useMonthGrades(month: string) {
  const [grades, setGrades] = useState<MonthGrades | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setGrades(null);
    setError(null);
    getMonthGrades(month, controller.signal)
      .then((g) => !controller.signal.aborted && setGrades(g))
      .catch((e: unknown) => !controller.signal.aborted && setError(paneError(e)));
    return () => controller.abort();
  }, [month, generation]);
  return { grades, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}

function Loading() {
  return (
    <Skeleton aria-label={t('common.loading')}>
      <SkeletonItem size={24} />
      <SkeletonItem size={24} />
    </Skeleton>
  );
}

interface Progress {
  written: number;
  total: number;
  preparing: boolean;
}

function AccountantView(props: { month: string; host: OfficeHost }) {
  const styles = useStyles();
  const { grades, error: gradesError, reload } = useMonthGrades(props.month);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [stopping, setStopping] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const stop = useRef(false);
  const inExcel = props.host === 'excel';
  const busy = progress !== null;

  useEffect(() => {
    setNotice(null);
    setError(null);
  }, [props.month]);

  const load = async () => {
    const month = props.month;
    stop.current = false;
    setStopping(false);
    setError(null);
    setNotice(null);
    setProgress({ written: 0, total: 0, preparing: true });
    try {
      const sheets = await getMonthSheets(month);
      setProgress({ written: 0, total: sheets.tasks.total, preparing: false });
      const result = await writeGradesMonth(sheets, {
        fetchTasks: (skip, take, signal) => getTaskChunk(month, skip, take, signal),
        onProgress: (written, total) => setProgress({ written, total, preparing: false }),
        shouldStop: () => stop.current,
      });
      const tasksSheet = sheets.tasks.name;
      setNotice(
        result.cancelled
          ? t('excel.grades.cancelled', { written: formatNumber(result.written, 0), total: formatNumber(result.total, 0), rows: rowsWord(result.total, 'excel.plural.rowsOf') })
          : t('excel.grades.done', { month, rows: `${formatNumber(result.written, 0)}\u00a0${plural(result.written, t('excel.plural.rows').split('|'))}`, sheet: tasksSheet }),
      );
    } catch (e) {
      setError(paneError(e));
    } finally {
      setProgress(null);
      setStopping(false);
    }
  };

  const download = async () => {
    setDownloading(true);
    setError(null);
    setNotice(null);
    try {
      const { blob, name } = await downloadWorkbook(props.month);
      saveBlob(blob, name);
      setNotice(t('excel.grades.downloaded', { name }));
    } catch (e) {
      setError(paneError(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <Text size={200}>{t('excel.grades.loadHint', { month: props.month })}</Text>
      {!inExcel && (
        <MessageBar intent="info" data-testid="not-in-excel">
          <MessageBarBody>{t('excel.notInExcel')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" data-testid="load-month" disabled={busy || !inExcel} onClick={load}>
          {t('excel.grades.load')}
        </Button>
        <Button data-testid="download-workbook" disabled={busy || downloading} onClick={download}>
          {t('excel.grades.download')}
        </Button>
      </div>
      {progress && (
        <div className={styles.progress} data-testid="progress">
          <Field
            label={t('excel.grades.progressLabel')}
            validationState="none"
            validationMessage={
              progress.preparing
                ? t('excel.grades.preparing')
                : t('excel.grades.progress', {
                    written: formatNumber(progress.written, 0),
                    total: formatNumber(progress.total, 0),
                    rows: rowsWord(progress.total, 'excel.plural.rowsOf'),
                  })
            }
          >
            <ProgressBar value={progress.preparing || progress.total === 0 ? undefined : progress.written / progress.total} thickness="large" />
          </Field>
          <div className={styles.actions}>
            <Button
              data-testid="cancel-load"
              disabled={stopping || progress.preparing}
              onClick={() => {
                stop.current = true;
                setStopping(true);
              }}
            >
              {t('excel.grades.cancel')}
            </Button>
            {stopping && <Text size={200}>{t('excel.grades.cancelling')}</Text>}
          </div>
        </div>
      )}
      <ErrorBar error={error} />
      {notice && (
        <MessageBar intent="success" data-testid="grades-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={gradesError} onRetry={reload} />
      {!grades && !gradesError && <Loading />}
      {grades && <MonthSummary grades={grades} />}
    </>
  );
}

/** «строк» in «Записано 15 000 из 50 000 строк»: the form agrees with the total. */
const rowsWord = (total: number, key: string) => plural(total, t(key).split('|'));

function MonthSummary(props: { grades: MonthGrades }) {
  const styles = useStyles();
  const { grades } = props;
  const head = headOf(grades);
  return (
    <Card className={styles.card} data-testid="month-summary">
      <Text as="h2" weight="semibold" size={400}>
        {t('excel.grades.summaryTitle', { month: grades.month })}
      </Text>
      <Text>
        {t('excel.grades.summary', {
          employees: countOf(grades.employees.length, t('excel.plural.employees')),
          pay: formatMoney(totalPay(grades)),
          policy: grades.policyVersion,
        })}
      </Text>
      <section className={styles.card} data-testid="head-pay" aria-label={t('excel.grades.head')}>
        <Text as="h3" weight="semibold">
          {t('excel.grades.head')}
        </Text>
        {head ? <Text>{t('excel.grades.headPay', { name: head.name, pay: formatMoney(head.pay) })}</Text> : <Text>{t('excel.grades.noHead')}</Text>}
        {grades.head && (
          <Text size={200}>
            {t('excel.grades.headProfit', {
              profit: formatMoney(grades.head.profit),
              share: `${formatNumber(grades.head.share * 100, 0)}\u00a0%`,
              volume: formatMoney(grades.head.volume),
              salaries: formatMoney(grades.head.staffSalaries),
              contractors: formatMoney(grades.head.contractors),
            })}
          </Text>
        )}
      </section>
      {grades.warnings.length > 0 && (
        <details>
          <summary>{t('excel.grades.warnings')}</summary>
          <ul>
            {grades.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </Card>
  );
}

function ManagerView(props: { month: string; userId: string }) {
  const { grades, error, reload } = useMonthGrades(props.month);
  const mine = grades ? (grades.employees.find((e) => e.id === props.userId) ?? grades.employees[0] ?? null) : null;
  return (
    <>
      <ErrorBar error={error} onRetry={reload} />
      {!grades && !error && <Loading />}
      {grades && <MyGrade grade={mine} />}
      <Text size={200}>{t('excel.grades.managerNote')}</Text>
    </>
  );
}

function MyGrade(props: { grade: EmployeeGrade | null }) {
  const styles = useStyles();
  const g = props.grade;
  return (
    <Card className={styles.card} data-testid="my-grade">
      <Text as="h2" weight="semibold" size={400}>
        {t('excel.grades.mine')}
      </Text>
      {!g && <Text>{t('excel.grades.mineNone')}</Text>}
      {g && (
        <dl className={styles.figures}>
          <Figure term={t('excel.grades.points')} value={formatNumber(g.points, 2)} />
          <Figure term={t('excel.grades.plan')} value={formatNumber(g.plan, 2)} />
          <Figure term={t('excel.grades.fulfilment')} value={`${formatNumber(g.fulfilment * 100, 1)}\u00a0%`} />
          <Figure term={t('excel.grades.band')} value={g.band} />
          <Figure term={t('excel.grades.bonus')} value={formatMoney(g.bonus)} />
          <Figure term={t('excel.grades.pay')} value={formatMoney(g.pay)} />
        </dl>
      )}
    </Card>
  );
}

function Figure(props: { term: string; value: string }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{props.term}</dt>
      <dd className={styles.value}>{props.value}</dd>
    </>
  );
}
