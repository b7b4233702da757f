// The Log-contact page in a plain browser: paste an e-mail, log it, see the outcome.
import { Button, Field, Input, MessageBar, MessageBarBody, Textarea, Text, makeStyles, tokens } from '@fluentui/react-components';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { OfficeHost } from '../../office/host';
import { t } from '../../i18n/i18n';
import { PaneShell } from '../../shared/PaneShell';
import { logEmail, type LogContactResult } from './logContact';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

function PastePage() {
  const styles = useStyles();
  const [fromAddress, setFromAddress] = useState('');
  const [fromName, setFromName] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<LogContactResult | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    // A pasted e-mail has no Message-ID: one is derived from its content, so pasting it twice logs it once.
    setResult(
      await logEmail(async () => ({
        internetMessageId: await pastedMessageId(fromAddress, subject, body),
        from: { name: fromName || null, address: fromAddress.trim() },
        to: [],
        cc: [],
        subject,
        sentAt: new Date().toISOString(),
        bodyText: body,
      })),
    );
    setBusy(false);
  };
  return (
    <div className={styles.form} data-testid="paste-form">
      <Text>{t('logContact.paste.intro')}</Text>
      <Field label={t('logContact.paste.fromAddress')} required>
        <Input type="email" value={fromAddress} onChange={(_, d) => setFromAddress(d.value)} name="fromAddress" />
      </Field>
      <Field label={t('logContact.paste.fromName')}>
        <Input value={fromName} onChange={(_, d) => setFromName(d.value)} name="fromName" />
      </Field>
      <Field label={t('logContact.paste.subject')}>
        <Input value={subject} onChange={(_, d) => setSubject(d.value)} name="subject" />
      </Field>
      <Field label={t('logContact.paste.body')}>
        <Textarea value={body} onChange={(_, d) => setBody(d.value)} rows={8} name="body" resize="vertical" />
      </Field>
      <Button appearance="primary" disabled={busy || !fromAddress} onClick={submit}>
        {t('logContact.paste.submit')}
      </Button>
      {result && (
        <MessageBar intent={result.kind === 'error' ? 'error' : 'success'} data-testid="log-result">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

async function pastedMessageId(from: string, subject: string, body: string): Promise<string> {
  const bytes = new TextEncoder().encode([from.trim().toLowerCase(), subject.trim(), body.trim()].join('\n'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `<pasted-${hex}@officeflow.local>`;
}

export function renderPastePage(host: OfficeHost): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PaneShell titleKey="logContact.title" expectedHost="outlook" host={host}>
        <PastePage />
      </PaneShell>
    </StrictMode>,
  );
}
