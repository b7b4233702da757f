import { startPane } from '../../shared/bootstrap';

void startPane({ titleKey: 'pane.task', host: 'outlook', render: () => null });
