import { Button, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { language, setLanguage, t, useLanguage } from '../i18n/i18n';
import type { OfficeHost } from '../office/host';
import { signOut, useSession } from '../auth/session';
import { SignInGate } from './SignIn';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  title: { flexGrow: 1 },
  user: { color: tokens.colorNeutralForeground2 },
  body: { padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, flexGrow: 1 },
});

export function PaneShell(props: { titleKey: string; expectedHost: Exclude<OfficeHost, null>; host: OfficeHost; children: ReactNode }) {
  useLanguage();
  const styles = useStyles();
  const session = useSession();
  const outside = props.host !== props.expectedHost;
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" weight="semibold" size={400} className={styles.title}>
            {t(props.titleKey)}
          </Text>
          {session && (
            <Text size={200} className={styles.user}>
              {t('signin.signedInAs', { name: session.name })}{' '}
              <Button appearance="transparent" size="small" onClick={signOut}>
                {t('signin.signOut')}
              </Button>
            </Text>
          )}
          <Button appearance="subtle" size="small" title={t('lang.switchLabel')} onClick={() => setLanguage(language() === 'ru' ? 'en' : 'ru')}>
            {t('lang.switch')}
          </Button>
        </header>
        <main className={styles.body}>
          {outside && (
            <MessageBar intent="info" data-testid="outside-office">
              <MessageBarBody>
                <MessageBarTitle>{t(props.expectedHost === 'excel' ? 'outsideExcel.title' : 'outside.title')}</MessageBarTitle>
                {t('outside.body')}
              </MessageBarBody>
            </MessageBar>
          )}
          <SignInGate>{props.children}</SignInGate>
        </main>
      </div>
    </FluentProvider>
  );
}
