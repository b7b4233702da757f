import { startPane } from '../../shared/bootstrap';

void startPane({ titleKey: 'pane.invoice', host: 'outlook', render: () => null });
