import { startPane } from '../../shared/bootstrap';

void startPane({ titleKey: 'pane.client', host: 'outlook', render: () => null });
