import { startPane } from '../../shared/bootstrap';
import { InvoicesPane } from './InvoicesPane';

void startPane({ titleKey: 'pane.invoices', host: 'excel', render: ({ host }) => <InvoicesPane host={host} /> });
