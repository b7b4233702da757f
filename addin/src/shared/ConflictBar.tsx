// The answer to a 412 on a save over an ETag: «someone changed it meanwhile», with «Обновить» to read it again.
// Shared by every form that saves with If-Match (the client's requisites, the firm's).
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { t } from '../i18n/i18n';

export function ConflictBar(props: { onReload: () => void; disabled?: boolean }) {
  return (
    <MessageBar intent="warning" role="alert" data-testid="conflict">
      <MessageBarBody>{t('error.412')}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={props.onReload} disabled={props.disabled}>
          {t('common.reload')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
