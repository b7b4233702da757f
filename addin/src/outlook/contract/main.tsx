import { startPane } from '../../shared/bootstrap';

void startPane({ titleKey: 'pane.contract', host: 'outlook', render: () => null });
