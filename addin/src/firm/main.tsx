import { startPane } from '../shared/bootstrap';
import { FirmPane } from './FirmPane';

void startPane({ titleKey: 'pane.firm', host: 'outlook', render: () => <FirmPane /> });
