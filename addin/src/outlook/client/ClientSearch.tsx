// «Найти клиента»: GET /api/clients?search=<text>&limit=10 as the manager types (or on Enter);
// a hit opens its card.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import { searchClients } from './clientApi';
import type { ClientSearchHit } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  field: { flexGrow: 1, minWidth: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  hit: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minHeight: '40px',
    overflowWrap: 'anywhere',
  },
  hitDetails: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  none: { color: tokens.colorNeutralForeground2 },
});

const debounceMs = 300;
const minTyped = 2;
const maxLength = 200;

export function ClientSearch(props: { onPick: (hit: ClientSearchHit) => void; hintKey?: string }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const run = async (query: string) => {
    if (timer.current) clearTimeout(timer.current);
    pending.current?.abort();
    if (!query.trim()) {
      setHits(null);
      return;
    }
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setError(null);
    try {
      const found = await searchClients(query, controller.signal);
      if (!controller.signal.aborted) setHits(found);
    } catch (e) {
      if (!controller.signal.aborted) {
        setHits(null);
        setError(e);
      }
    } finally {
      if (pending.current === controller) setBusy(false);
    }
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  const onChange = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    if (value.trim().length >= minTyped) {
      timer.current = setTimeout(() => void run(value), debounceMs);
    } else {
      pending.current?.abort();
      setHits(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(text);
  };

  const pick = (hit: ClientSearchHit) => {
    setHits(null);
    setText('');
    props.onPick(hit);
  };

  return (
    <div className={styles.root} data-testid="client-search">
      <form role="search" className={styles.row} onSubmit={submit}>
        <Field className={styles.field} label={t('client.search.label')} hint={props.hintKey ? t(props.hintKey) : undefined}>
          <Input
            type="search"
            name="search"
            value={text}
            maxLength={maxLength}
            placeholder={t('client.search.placeholder')}
            autoComplete="off"
            onChange={(_, d) => onChange(d.value)}
          />
        </Field>
        <Button type="submit" disabled={busy || !text.trim()}>
          {t('client.search.submit')}
        </Button>
      </form>
      <ErrorBar error={error} onRetry={() => void run(text)} />
      {hits && hits.length === 0 && (
        <Text className={styles.none} role="status">
          {t('client.search.none')}
        </Text>
      )}
      {hits && hits.length > 0 && (
        <ul className={styles.list} data-testid="search-hits" aria-label={t('client.search.hits')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <Button appearance="subtle" className={styles.hit} onClick={() => pick(hit)} data-testid="search-hit">
                <span>{hit.name}</span>
                <span className={styles.hitDetails}>{[hit.inn ? t('client.search.inn', { inn: hit.inn }) : '', ...(hit.domains ?? [])].filter(Boolean).join(' · ')}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
