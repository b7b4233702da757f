import { startPane } from '../../shared/bootstrap';
import { ContractPane } from './ContractPane';

void startPane({ titleKey: 'pane.contract', host: 'outlook', render: ({ host }) => <ContractPane host={host} /> });
