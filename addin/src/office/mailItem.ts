// Reads the open Outlook message into the API's log-email request. The only place that knows
// Office's item shape; the rest of the add-in works with LogEmailRequest.
import type { LogEmailRequest, MailParty } from '../api/types';
import { isSetSupported, officeAsync } from './host';

/** The minimum of Office.MessageRead this module reads (so that tests can hand in a plain object). */
export interface ReadableItem {
  itemId?: string;
  internetMessageId?: string;
  subject?: string;
  from?: Office.EmailAddressDetails;
  to?: Office.EmailAddressDetails[];
  cc?: Office.EmailAddressDetails[];
  dateTimeCreated?: Date;
  body: { getAsync(coercion: Office.CoercionType, callback: (r: Office.AsyncResult<string>) => void): void };
}

export async function readLogEmailRequest(item: ReadableItem, toRestId: (id: string) => string = defaultRestId): Promise<LogEmailRequest> {
  const [bodyText, bodyHtml] = await Promise.all([
    readBody(item, Office.CoercionType.Text),
    readBody(item, Office.CoercionType.Html),
  ]);
  const request: LogEmailRequest = {
    from: party(item.from),
    to: parties(item.to),
    cc: parties(item.cc),
    subject: item.subject ?? '',
    bodyText: bodyText ?? undefined,
    bodyHtml: bodyHtml ?? undefined,
  };
  // A draft or an item not yet sent has no Internet message id; the API then says what it needs.
  if (item.internetMessageId) request.internetMessageId = item.internetMessageId;
  if (item.itemId) request.itemId = toRestId(item.itemId);
  if (item.dateTimeCreated) request.sentAt = new Date(item.dateTimeCreated).toISOString();
  return request;
}

/** The item id as Microsoft Graph knows it (REST v2.0); the API reads the message by this id. */
function defaultRestId(id: string): string {
  try {
    const mailbox = Office.context.mailbox;
    return mailbox?.convertToRestId ? mailbox.convertToRestId(id, Office.MailboxEnums.RestVersion.v2_0) : id;
  } catch {
    return id;
  }
}

async function readBody(item: ReadableItem, coercion: Office.CoercionType): Promise<string | null> {
  try {
    return await officeAsync<string>((cb) => item.body.getAsync(coercion, cb));
  } catch {
    return null; // One form missing is fine: the API needs text or HTML.
  }
}

function party(details: Office.EmailAddressDetails | undefined): MailParty | undefined {
  if (!details?.emailAddress) return undefined;
  return { name: details.displayName || null, address: details.emailAddress };
}

function parties(list: Office.EmailAddressDetails[] | undefined): MailParty[] {
  return (list ?? []).map(party).filter((p): p is MailParty => !!p);
}

export function currentItem(): ReadableItem | null {
  return (Office?.context?.mailbox?.item as unknown as ReadableItem) ?? null;
}

export function senderAddress(): string | null {
  const item = Office?.context?.mailbox?.item as Office.MessageRead | undefined;
  return item?.from?.emailAddress ?? null;
}

/** Calls back when the user selects another message in a pinned pane. */
export function onItemChanged(handler: () => void): void {
  try {
    Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler);
  } catch {
    /* not pinnable here: the pane shows the item it was opened for */
  }
}

/** Base64 attachments in a reply form need Mailbox 1.15 (on-premises Exchange stops at 1.5). */
export const canAttachToReply = () => isSetSupported('Mailbox', '1.15');
