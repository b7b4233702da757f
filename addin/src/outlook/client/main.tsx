import { startPane } from '../../shared/bootstrap';
import { ClientPane } from './ClientPane';

void startPane({ titleKey: 'pane.client', host: 'outlook', render: ({ host }) => <ClientPane host={host} /> });
