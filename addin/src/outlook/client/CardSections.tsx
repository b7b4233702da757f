// The card's four sections, headed (h3), all visible: a pane 350 px wide scrolls, one 800 px wide
// lays them out in two columns.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { daysOverdueText, invoiceStatusText, latestInteractions } from './logic';
import type { ClientCard, ContactView, ContractSummary, InteractionView, OpenInvoiceSummary } from '../../api/types';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(300px, 100%), 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
    minWidth: 0,
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  secondary: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  snippet: {
    color: tokens.colorNeutralForeground2,
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

export function CardSections(props: { card: ClientCard }) {
  const styles = useStyles();
  const { card } = props;
  const interactions = latestInteractions(card.interactions);
  const invoices = card.openInvoices ?? [];
  const contracts = card.contracts ?? [];
  return (
    <div className={styles.grid}>
      <Section id="contacts" titleKey="client.contacts.title" count={card.contacts.length} emptyKey="client.contacts.empty">
        {card.contacts.map((c) => (
          <ContactItem key={c.id} contact={c} />
        ))}
      </Section>
      <Section id="open-invoices" titleKey="client.invoices.title" count={invoices.length} emptyKey="client.invoices.empty">
        {invoices.map((i) => (
          <InvoiceItem key={i.id} invoice={i} />
        ))}
      </Section>
      <Section id="interactions" titleKey="client.interactions.title" count={interactions.length} emptyKey="client.interactions.empty">
        {interactions.map((i) => (
          <InteractionItem key={i.id} interaction={i} />
        ))}
      </Section>
      <Section id="contracts" titleKey="client.contracts.title" count={contracts.length} emptyKey="client.contracts.empty">
        {contracts.map((c) => (
          <ContractItem key={c.number} contract={c} />
        ))}
      </Section>
    </div>
  );
}

function Section(props: { id: string; titleKey: string; count: number; emptyKey: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `client-section-${props.id}`;
  const title = t(props.titleKey);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={props.id}>
      <Text as="h3" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {props.count > 0 ? t('client.section.count', { title, count: props.count }) : title}
      </Text>
      {props.count === 0 ? (
        <Text className={styles.secondary}>{t(props.emptyKey)}</Text>
      ) : (
        <ul className={styles.list}>{props.children}</ul>
      )}
    </section>
  );
}

function ContactItem(props: { contact: ContactView }) {
  const styles = useStyles();
  const c = props.contact;
  return (
    <li className={styles.item}>
      <Text weight="semibold">{c.name || c.emails[0]}</Text>
      {c.position && <Text className={styles.secondary}>{c.position}</Text>}
      {c.emails.length > 0 && (
        <span className={styles.links}>
          {c.emails.map((e) => (
            <Link key={e} href={`mailto:${e}`}>
              {e}
            </Link>
          ))}
        </span>
      )}
      {c.phones.length > 0 && (
        <span className={styles.links}>
          {c.phones.map((p) => (
            <Link key={p} href={`tel:${p.replace(/[^\d+]/g, '')}`}>
              {p}
            </Link>
          ))}
        </span>
      )}
    </li>
  );
}

function InteractionItem(props: { interaction: InteractionView }) {
  const styles = useStyles();
  const i = props.interaction;
  // The API sends the enum's lower-case name: "in" or "out" (ClientCard.cs, InteractionView).
  const direction = i.direction === 'in' || i.direction === 'out' ? t(`client.interaction.${i.direction}`) : i.direction;
  return (
    <li className={styles.item}>
      <Text size={200} className={styles.secondary}>
        {[formatDateTime(i.at), direction, i.loggedByName].filter(Boolean).join(' · ')}
      </Text>
      <Text weight="semibold">{i.subject || t('client.interaction.noSubject')}</Text>
      {i.snippet && <Text className={styles.snippet}>{i.snippet}</Text>}
    </li>
  );
}

function InvoiceItem(props: { invoice: OpenInvoiceSummary }) {
  const styles = useStyles();
  const i = props.invoice;
  const overdue = daysOverdueText(i.daysOverdue);
  return (
    <li className={styles.item} data-testid="open-invoice">
      <Text weight="semibold">{t('client.invoices.number', { number: i.number, date: formatDate(i.issueDate) })}</Text>
      <Text>{t('client.invoices.amount', { total: formatMoney(i.total), balance: formatMoney(i.balance) })}</Text>
      <Text className={styles.secondary}>
        {[invoiceStatusText(i), i.dueDate ? t('client.invoices.due', { date: formatDate(i.dueDate) }) : ''].filter(Boolean).join(', ')}
      </Text>
      {overdue && <Text className={styles.overdue}>{overdue}</Text>}
    </li>
  );
}

function ContractItem(props: { contract: ContractSummary }) {
  const styles = useStyles();
  const c = props.contract;
  return (
    <li className={styles.item}>
      <Text weight="semibold">{t('client.contracts.number', { number: c.number, date: formatDate(c.date) })}</Text>
      <Text>{c.title || c.templateId}</Text>
      <Text className={styles.secondary}>{formatMoney(c.amount)}</Text>
    </li>
  );
}
