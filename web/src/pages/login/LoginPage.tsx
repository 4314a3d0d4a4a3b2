// Sign in: user name and password, then the 6-digit code of the second factor
// when the account has one (the server answers 401 `totp_required`).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Language, Me } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorSummary, errorFor, focusField, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

export type LoginNotice = 'signedOut' | 'expired' | 'unreachable';

interface LoginPageProps {
  notice?: LoginNotice | undefined;
  onLanguageChange: (language: Language) => void;
  onSignedIn: (me: Me) => void;
}

export function LoginPage({ notice, onLanguageChange, onSignedIn }: LoginPageProps) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeNeeded, setCodeNeeded] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  // The code field appears as the next step, not as a mistake: it takes the focus.
  useEffect(() => {
    if (codeNeeded) focusField('totp-code');
  }, [codeNeeded]);

  const validate = (): FieldError[] => {
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'username', message: t('login.errors.usernameMissing') });
    if (!password) found.push({ field: 'password', message: t('login.errors.passwordMissing') });
    if (codeNeeded && !/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      found.push({ field: 'totp-code', message: t('login.errors.codeFormat') });
    }
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const answer = await api.login({
        username: username.trim(),
        password,
        ...(codeNeeded ? { totp_code: code.replace(/\s/g, '') } : {}),
      });
      onSignedIn(answer.user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && error.reason === 'totp_required' && !codeNeeded) {
        setCodeNeeded(true);
      } else {
        setErrors([explain(error)]);
      }
    } finally {
      setBusy(false);
    }
  };

  const explain = (error: unknown): FieldError => {
    if (!(error instanceof ApiError)) return { message: t('errors.unexpected') };
    if (error.status === 401 && error.reason === 'totp_required') {
      return { field: 'totp-code', message: t('login.errors.codeRequired') };
    }
    if (error.status === 401 && error.reason === 'totp_invalid') {
      setCode('');
      return { field: 'totp-code', message: t('login.errors.codeWrong') };
    }
    if (error.status === 401) return { field: 'username', message: t('login.errors.wrongCredentials') };
    if (error.status === 429) return { message: t('login.errors.throttled') };
    if (error.status === 403) return { message: t('login.errors.refused') };
    if (error.code === 'network' || error.status >= 500) return { message: t('errors.unreachable') };
    return { message: error.message };
  };

  return (
    <>
      <header class="header header--plain">
        <div class="header__inner">
          <span class="header__product">
            <svg class="header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3z" />
            </svg>
            {t('app.name')}
          </span>
          <div class="header__actions">
            <LanguageSwitch onChange={onLanguageChange} />
          </div>
        </div>
      </header>
      <main class="main main--narrow" id="main" data-testid="login-page">
        {notice === 'signedOut' && <Notice kind="success">{t('login.notice.signedOut')}</Notice>}
        {notice === 'expired' && <Notice kind="info">{t('login.notice.expired')}</Notice>}
        {notice === 'unreachable' && <Notice kind="warning">{t('errors.unreachable')}</Notice>}
        <ErrorSummary errors={errors} />
        <PageHeading title={t('login.title')} lead={t('login.lead')} />
        {codeNeeded && errors.length === 0 && (
          <Notice kind="info" testId="code-needed">
            {t('login.codeNeeded')}
          </Notice>
        )}
        <form onSubmit={submit} noValidate>
          <TextField
            id="username"
            label={t('login.username')}
            value={username}
            onInput={setUsername}
            autoComplete="username"
            error={errorFor(errors, 'username')}
            width="half"
          />
          <TextField
            id="password"
            label={t('login.password')}
            type="password"
            value={password}
            onInput={setPassword}
            autoComplete="current-password"
            error={errorFor(errors, 'password')}
            width="half"
          />
          {codeNeeded && (
            <TextField
              id="totp-code"
              label={t('login.code')}
              hint={t('login.codeHint')}
              value={code}
              onInput={setCode}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              width="code"
              error={errorFor(errors, 'totp-code')}
            />
          )}
          <button type="submit" class="button" disabled={busy} data-testid="sign-in">
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <p class="hint">{t('login.help')}</p>
      </main>
    </>
  );
}
