// The API's JSON shapes the panes use, exactly as the C# records serialise them (System.Text.Json web
// defaults: camelCase, nulls written, enums as their names where a converter says so). Sources:
// Contacts/Cards/ClientCard.cs (ClientCard, BankDetails, Signatory, ContactView, InteractionView),
// Contracts/IClientContracts.cs (ContractSummary), Invoices/IClientInvoices.cs (OpenInvoiceSummary),
// Contacts/Records/ClientDirectory.cs (ClientSearchHit), Contacts/Editing/ClientUpdate.cs (the PUT body),
// Contacts/Logging/LogEmailOutcome.cs, Contacts/LogEmailRequest.cs.
export interface MailParty {
  name?: string | null;
  address: string;
}

export interface LogEmailRequest {
  internetMessageId?: string;
  itemId?: string;
  from?: MailParty;
  to?: MailParty[];
  cc?: MailParty[];
  subject?: string;
  sentAt?: string;
  bodyText?: string;
  bodyHtml?: string;
}

/** LogEmailStatus (JsonStringEnumConverter): the enum's names. */
export type LogEmailStatus = 'Logged' | 'AlreadyLogged' | 'NotLogged';

/** What the signature gave ("we read this from the signature"). */
export interface SignatureView {
  personName: string | null;
  position: string | null;
  company: string | null;
  inn: string | null;
  kpp: string | null;
  phones: string[];
  website: string | null;
  rejectedInns: string[];
}

/** The answer of POST /api/contacts/log-email. */
export interface LogEmailOutcome {
  status: LogEmailStatus;
  reason: string | null;
  /** "domain", "inn", "contactEmail", "created", "signatureCompany" or "none". */
  matchedBy: string | null;
  clientCreated: boolean;
  /** The card without contracts and open invoices (both null here): the pane reads the full card for them. */
  client: ClientCard | null;
  /** As on the card: the existing client the new one may duplicate. */
  possibleDuplicateOf?: ClientRef | null;
  contact: ContactView | null;
  /** Always in the JSON (null when nothing was logged); optional so that outcomes built in code need not name them. */
  interaction?: InteractionView | null;
  signature?: SignatureView | null;
}

export interface BankDetails {
  bankName: string | null;
  bik: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
}

export interface Signatory {
  name: string | null;
  position: string | null;
  basis: string | null;
}

export interface ContactView {
  id: string;
  clientId: string | null;
  name: string;
  position: string | null;
  emails: string[];
  phones: string[];
}

/** InteractionView: the text is `snippet` (not `summary`), the time `at` (ISO date-time with offset). */
export interface InteractionView {
  /** "<partition>|<row>" of the Interactions table. */
  id: string;
  clientId: string | null;
  contactId: string;
  /** "inbound" | "outbound" (lower-case enum name). */
  direction: string;
  /** "email", … (lower-case enum name). */
  channel: string;
  subject: string | null;
  snippet: string | null;
  at: string;
  internetMessageId: string | null;
  loggedBy: string;
  loggedByName: string | null;
  /** "add-in" or "mailbox-sync". */
  source: string;
}

/** ContractSummary: `date` is a DateTimeOffset, `amount` a decimal. */
export interface ContractSummary {
  number: string;
  date: string;
  templateId: string;
  title: string;
  amount: number;
  createdByName: string;
  archiveLocation: string | null;
}

/** OpenInvoiceSummary: `issueDate`/`dueDate` are DateOnly ("2026-11-29"); `number` and `status` as the invoice API
 * gives them (2, `partlyPaid`), `statusLabel` the Russian text to show («оплачен частично»). */
export interface OpenInvoiceSummary {
  id: string;
  number: number;
  issueDate: string;
  dueDate: string;
  total: number;
  balance: number;
  status: string;
  statusLabel: string;
  daysOverdue: number;
}

/** GET /api/clients/{id}, GET /api/clients/lookup, the answer of PUT /api/clients/{id} (the ETag is also a header). */
export interface ClientCard {
  id: string;
  /** The stored name, without the legal form («Ромашка»); `displayName` has it («ООО «Ромашка»»). */
  name: string;
  legalForm: string | null;
  displayName: string;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  domains: string[];
  website: string | null;
  address: string | null;
  bank: BankDetails;
  signatory: Signatory;
  status: string;
  eTag: string;
  contacts: ContactView[];
  /** Newest first, at most 20. */
  interactions: InteractionView[];
  /** Newest first; null in the log-email answer (the pane then reads the full card). */
  contracts: ContractSummary[] | null;
  /** Most overdue first; null in the log-email answer. */
  openInvoices: OpenInvoiceSummary[] | null;
  /** An existing client this one may be the same company as (created from a free-mail sender's signature); the pane offers «Объединить». */
  possibleDuplicateOf?: ClientRef | null;
}

/** Another client by id and display name (ClientRef). */
export interface ClientRef {
  id: string;
  name: string;
}

/** One line of GET /api/clients?search=: no displayName and no legal form — `name` is the stored name. */
export interface ClientSearchHit {
  id: string;
  name: string;
  inn: string | null;
  domains: string[];
  /** The search token the text matched (a name word, the INN, a domain or an e-mail; a contact's name word or phone digits). */
  matchedToken: string;
  /** The contact whose name or phone matched (the hit's `id`/`name` are its client); null when the client itself matched. */
  contact?: { id: string; name: string } | null;
}

/**
 * The body of PUT /api/clients/{id} (ClientUpdate): the card's own fields as they are, the bank and signatory
 * fields flat (not nested as on the card); what is left out becomes empty.
 */
export interface ClientUpdateBody extends Pick<ClientCard, 'legalForm' | 'inn' | 'kpp' | 'ogrn' | 'domains' | 'website' | 'address'> {
  name: string;
  bankName: string | null;
  bik: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
  signatoryBasis: string | null;
}
