import { startPane } from '../../shared/bootstrap';
import { TaskPane } from './TaskPane';

void startPane({ titleKey: 'pane.task', host: 'outlook', render: ({ host }) => <TaskPane host={host} /> });
