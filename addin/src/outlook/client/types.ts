// The exact JSON of the client card and its neighbours, as the C# records serialise them (camelCase):
// Contacts/Cards/ClientCard.cs, Contracts/IClientContracts.cs, Invoices/IClientInvoices.cs,
// Contacts/Records/ClientDirectory.cs (ClientSearchHit), Contacts/Editing/ClientUpdate.cs.
// api/types.ts has looser shapes for some of these (see the notes); the pane uses these.

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

/** OpenInvoiceSummary: `issueDate`/`dueDate` are DateOnly ("2026-11-29"); `status` is Russian text («выставлен»). */
export interface OpenInvoiceSummary {
  id: string;
  number: string;
  issueDate: string;
  dueDate: string;
  total: number;
  balance: number;
  status: string;
  daysOverdue: number;
}

export interface ClientCardView {
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
  /** Null in the log-email answer (the pane then reads the full card). */
  contracts: ContractSummary[] | null;
  openInvoices: OpenInvoiceSummary[] | null;
}

/** One line of GET /api/clients?search=: no displayName and no legal form — `name` is the stored name. */
export interface ClientSearchHit {
  id: string;
  name: string;
  inn: string | null;
  domains: string[];
  matchedToken: string;
}

/** The body of PUT /api/clients/{id}: flat (bank and signatory fields are not nested); what is left out becomes empty. */
export interface ClientUpdateBody {
  name: string;
  legalForm: string | null;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  domains: string[];
  website: string | null;
  address: string | null;
  bankName: string | null;
  bik: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
  signatoryName: string | null;
  signatoryPosition: string | null;
  signatoryBasis: string | null;
}
