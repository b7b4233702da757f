import { Button, Card, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { loadConfig, type AddinConfig } from '../api/config';
import { ApiError, toApiError } from '../api/errors';
import { signInInteractive, storeDevelopmentToken, useSession, type Role } from '../auth/session';
import { t } from '../i18n/i18n';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '420px' },
});

/** Shows the pane's content to a signed-in user, and the sign-in otherwise (never a blank pane). */
export function SignInGate(props: { children: ReactNode }) {
  const session = useSession();
  const [config, setConfig] = useState<AddinConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadConfig().then(setConfig, () => setError(new ApiError(0, t('error.config'))));
  }, []);
  if (error) return <ErrorBar error={error} />;
  if (session) return <>{props.children}</>;
  if (!config) return <Text>{t('common.loading')}</Text>;
  return config.auth.mode === 'Development' ? <DevelopmentSignIn /> : <MicrosoftSignIn />;
}

const roles: Role[] = ['manager', 'accountant', 'admin'];

function DevelopmentSignIn() {
  const styles = useStyles();
  const [user, setUser] = useState(() => localStorage.getItem('officeflow.devUser') ?? 'ivanov');
  const [name, setName] = useState(() => localStorage.getItem('officeflow.devName') ?? 'Иван Иванов');
  const [role, setRole] = useState<Role>(() => (localStorage.getItem('officeflow.devRole') as Role) ?? 'manager');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await api<{ accessToken: string }>('dev/token', { method: 'POST', anonymous: true, body: { user, name, roles: [role] } });
      localStorage.setItem('officeflow.devUser', user);
      localStorage.setItem('officeflow.devName', name);
      localStorage.setItem('officeflow.devRole', role);
      storeDevelopmentToken(data.accessToken);
    } catch (e) {
      setError(e instanceof ApiError ? e : toApiError(0));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card className={styles.card} data-testid="dev-signin">
      <Text weight="semibold" size={400}>{t('signin.dev.title')}</Text>
      <Text size={200}>{t('signin.needed')} {t('signin.dev.hint')}</Text>
      <Field label={t('signin.dev.user')} required>
        <Input value={user} onChange={(_, d) => setUser(d.value)} name="user" />
      </Field>
      <Field label={t('signin.dev.name')}>
        <Input value={name} onChange={(_, d) => setName(d.value)} name="name" />
      </Field>
      <Field label={t('signin.dev.role')}>
        <Dropdown value={t(`role.${role}`)} selectedOptions={[role]} onOptionSelect={(_, d) => setRole(d.optionValue as Role)} name="role">
          {roles.map((r) => (
            <Option key={r} value={r}>{t(`role.${r}`)}</Option>
          ))}
        </Dropdown>
      </Field>
      <ErrorBar error={error} />
      <Button appearance="primary" onClick={submit} disabled={busy || !user}>
        {t('signin.dev.submit')}
      </Button>
    </Card>
  );
}

function MicrosoftSignIn() {
  const styles = useStyles();
  const [error, setError] = useState<unknown>(null);
  return (
    <Card className={styles.card} data-testid="signin">
      <Text weight="semibold" size={400}>{t('signin.title')}</Text>
      <Text size={200}>{t('signin.needed')}</Text>
      <ErrorBar error={error} />
      <Button appearance="primary" onClick={() => signInInteractive().catch(() => setError(toApiError(401)))}>
        {t('signin.microsoft')}
      </Button>
    </Card>
  );
}
