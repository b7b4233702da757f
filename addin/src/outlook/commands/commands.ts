// The ribbon's function file. In Outlook: registers «Записать контакт» and reports through the
// notification bar, calling event.completed() on every path. In a plain browser: the same logging
// through a form where an e-mail is pasted.
import { initLanguage, t } from '../../i18n/i18n';
import { whenOfficeReady } from '../../office/host';
import { currentItem, readLogEmailRequest } from '../../office/mailItem';
import { notify } from '../../office/outlook';
import { logEmail } from './logContact';

/** Outlook ends a command that does not complete in time; we end it first, with a message. */
const commandBudgetMs = 25_000;

export async function logContact(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const item = currentItem();
    const result = item
      ? await Promise.race([
          logEmail(() => readLogEmailRequest(item)),
          new Promise<{ kind: 'error'; message: string }>((resolve) => setTimeout(() => resolve({ kind: 'error', message: t('error.timeout') }), commandBudgetMs)),
        ])
      : { kind: 'error' as const, message: t('logContact.noItem') };
    await notify(result.kind, result.message).catch(() => undefined);
  } finally {
    event.completed();
  }
}

async function main(): Promise<void> {
  const office = await whenOfficeReady();
  initLanguage(office.displayLanguage);
  if (office.host === 'outlook') {
    Office.actions.associate('logContact', logContact);
    return;
  }
  const { renderPastePage } = await import('./PastePage');
  renderPastePage(office.host);
}

void main();
