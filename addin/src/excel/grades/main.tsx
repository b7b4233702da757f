import { startPane } from '../../shared/bootstrap';
import { GradesPane } from './GradesPane';

void startPane({ titleKey: 'pane.grades', host: 'excel', render: ({ host }) => <GradesPane host={host} /> });
