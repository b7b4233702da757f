// The API's JSON shapes the panes use (camelCase, as the API serialises them).
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

export type LogEmailStatus = 'Logged' | 'AlreadyLogged' | 'NotLogged' | string;

export interface LogEmailOutcome {
  status: LogEmailStatus;
  reason: string | null;
  matchedBy: string | null;
  clientCreated: boolean;
  client: ClientCard | null;
  contact: ContactView | null;
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

export interface InteractionView {
  id: string;
  kind?: string;
  subject?: string | null;
  summary?: string | null;
  at?: string;
  sentAt?: string;
  from?: string | null;
  [key: string]: unknown;
}

export interface ContractSummary {
  number: string;
  templateId?: string;
  title?: string;
  date?: string;
  amount?: number;
  [key: string]: unknown;
}

export interface OpenInvoiceSummary {
  id: string;
  number: string | number;
  date?: string;
  dueDate?: string | null;
  total?: number;
  balance?: number;
  status?: string;
  daysOverdue?: number;
  [key: string]: unknown;
}

export interface ClientCard {
  id: string;
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
  interactions: InteractionView[];
  contracts?: ContractSummary[] | null;
  openInvoices?: OpenInvoiceSummary[] | null;
}

export interface ClientSearchHit {
  id: string;
  displayName?: string;
  name?: string;
  inn?: string | null;
  [key: string]: unknown;
}
