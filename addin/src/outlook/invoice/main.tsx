import { startPane } from '../../shared/bootstrap';
import { InvoicePane } from './InvoicePane';

void startPane({ titleKey: 'pane.invoice', host: 'outlook', render: ({ host }) => <InvoicePane host={host} /> });
