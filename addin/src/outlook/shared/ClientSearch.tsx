// «Найти клиента», the one client search of the Outlook panes («Клиент», «Договор», «Счёт», «Задача»):
// GET /api/clients?search=<text>&limit=10 a moment after the user stops typing, or at once on Enter /
// «Найти». Each hit is a button with the name, ИНН and domains; ↓/↑ move between the field and the hits.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ClientSearchHit } from '../../api/types';
import { t } from '../../i18n/i18n';
import { ErrorBar } from '../../shared/ErrorBar';
import { searchClients } from './clientCards';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
  // The field takes the row; the buttons wrap under it when the pane is narrow (350 px).
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { flexGrow: 1, flexBasis: '180px', minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorNeutralForeground2 },
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
    height: 'auto',
    minHeight: '40px',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    justifyContent: 'flex-start',
    textAlign: 'start',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  hitDetails: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
});

/** The pause after the last keystroke before the search runs. */
export const searchDelayMs = 300;
/** The API takes 1–200 characters. */
const maxLength = 200;

export interface ClientSearchProps {
  /**
   * The hit the user chose. A promise (e.g. loading the card) keeps the hits on screen until it settles;
   * if it fails, its error is shown here with «Повторить».
   */
  onPick: (hit: ClientSearchHit) => void | Promise<void>;
  /** A line above the field saying why to search («Отправитель ещё не записан…»). */
  note?: string;
  /** Shows «Отмена» beside «Найти» (back to the client the pane had). */
  onCancel?: () => void;
}

/** «Контакт: Иван Петров · ИНН 7701234567 · romashka.ru»; empty when the hit has none of them. */
export function hitDetails(hit: ClientSearchHit): string {
  const contact = hit.contact ? t('clients.contact', { name: hit.contact.name }) : '';
  return [contact, hit.inn ? t('clients.inn', { inn: hit.inn }) : '', ...(hit.domains ?? [])].filter(Boolean).join(' · ');
}

export function ClientSearch(props: ClientSearchProps) {
  const styles = useStyles();
  const noteId = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [picking, setPicking] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void } | null>(null);
  const pending = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  /** Drops a search still waiting for its pause or its answer (a newer one, a pick or the pane closing replaces it). */
  const stopPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current?.abort();
    pending.current = null;
  };

  useEffect(() => stopPending, []);

  const run = async (query: string) => {
    stopPending();
    if (!query.trim()) {
      setHits(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    pending.current = controller;
    setSearching(true);
    setFailure(null);
    try {
      const found = await searchClients(query, controller.signal);
      if (!controller.signal.aborted) setHits(found);
    } catch (error) {
      if (!controller.signal.aborted) {
        setHits(null);
        setFailure({ error, retry: () => void run(query) });
      }
    } finally {
      if (pending.current === controller) {
        pending.current = null;
        setSearching(false);
      }
    }
  };

  const onChange = (value: string) => {
    setText(value);
    stopPending();
    if (value.trim()) {
      timer.current = setTimeout(() => void run(value), searchDelayMs);
    } else {
      setHits(null);
      setSearching(false);
      setFailure(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(text);
  };

  const pick = async (hit: ClientSearchHit) => {
    stopPending();
    setSearching(false);
    setFailure(null);
    setPicking(hit.id);
    try {
      await props.onPick(hit);
      setHits(null);
      setText('');
    } catch (error) {
      setFailure({ error, retry: () => void pick(hit) });
    } finally {
      setPicking(null);
    }
  };

  const hitButtons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits && hits.length > 0) {
      event.preventDefault();
      hitButtons()[0]?.focus();
    } else if (event.key === 'Escape' && (hits || text)) {
      event.preventDefault();
      onChange('');
    }
  };
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = hitButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.current?.focus();
    else buttons[Math.min(next, buttons.length - 1)].focus();
  };

  const status = searching ? t('clients.search.busy') : hits && hits.length === 0 ? t('clients.search.none') : '';

  return (
    <div className={styles.root} data-testid="client-search">
      {props.note && (
        <Text id={noteId} className={styles.note}>
          {props.note}
        </Text>
      )}
      <form role="search" aria-label={t('clients.search.label')} className={styles.row} onSubmit={submit}>
        <Field className={styles.field} label={t('clients.search.label')}>
          <Input
            ref={input}
            type="search"
            name="search"
            value={text}
            maxLength={maxLength}
            placeholder={t('clients.search.placeholder')}
            autoComplete="off"
            aria-describedby={noteId}
            onChange={(_, d) => onChange(d.value)}
            onKeyDown={onInputKey}
            data-testid="client-search-input"
          />
        </Field>
        <div className={styles.buttons}>
          {/* Not disabled while a search runs: a disabled default button would swallow Enter in the field. */}
          <Button type="submit" appearance="primary" disabled={!text.trim()} data-testid="client-search-submit">
            {t('clients.search.submit')}
          </Button>
          {props.onCancel && (
            <Button type="button" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      </form>
      {/* The placeholder stays short enough for a 350 px pane; what else the search reads is said here, unless the note above says it. */}
      {!props.note && (
        <Text id={noteId} size={200} className={styles.note}>
          {t('clients.search.fieldHint')}
        </Text>
      )}
      {/* Always rendered, so screen readers announce «Ищем…» and «Ничего не найдено» as they appear. */}
      <Text role="status" className={styles.status} data-testid="client-search-status">
        {status}
      </Text>
      <ErrorBar error={failure?.error} onRetry={failure?.retry} />
      {hits && hits.length > 0 && (
        <ul ref={list} className={styles.list} data-testid="search-hits" aria-label={t('clients.search.hits')} aria-busy={picking !== null} onKeyDown={onListKey}>
          {hits.map((hit) => {
            const details = hitDetails(hit);
            return (
              <li key={hit.id}>
                <Button appearance="subtle" className={styles.hit} disabledFocusable={picking !== null} onClick={() => void pick(hit)} data-testid="search-hit">
                  <span>{hit.name}</span>
                  {details && <span className={styles.hitDetails}>{details}</span>}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
