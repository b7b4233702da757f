import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../api/errors';
import { t } from '../i18n/i18n';

/** An error in the pane, in Russian, with the next step as a button where there is one. */
export function ErrorBar(props: { error: unknown; onRetry?: () => void; retryLabelKey?: string }) {
  if (!props.error) return null;
  const message = props.error instanceof ApiError ? props.error.message : t('error.unknown');
  return (
    <MessageBar intent="error" role="alert" data-testid="error">
      <MessageBarBody>{message}</MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={props.onRetry}>
            {t(props.retryLabelKey ?? 'common.retry')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
