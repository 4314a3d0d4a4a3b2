// Account: who you are, the language of the UI, your password and your second factor.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Language, TotpEnrolment } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { SecondFactorSecret } from '../../ui/SecondFactorSecret';
import { PasswordSection } from './PasswordSection';

export function AccountPage({ me, onMeChange }: PageProps) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t('account.title')} />
      <section class="section" aria-labelledby="profile-heading">
        <h2 class="heading-l" id="profile-heading">
          {t('account.profile.title')}
        </h2>
        <dl class="summary-list" data-testid="profile">
          <div class="summary-list__row">
            <dt>{t('account.profile.username')}</dt>
            <dd>{me.username}</dd>
          </div>
          <div class="summary-list__row">
            <dt>{t('account.profile.name')}</dt>
            <dd>{me.display_name}</dd>
          </div>
          <div class="summary-list__row">
            <dt>{t('account.profile.agency')}</dt>
            <dd>{me.agency}</dd>
          </div>
          <div class="summary-list__row">
            <dt>{t('account.profile.roles')}</dt>
            <dd>{me.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
          </div>
        </dl>
        <p class="hint">{t('account.profile.hint')}</p>
      </section>
      <LanguageSection me={me} onMeChange={onMeChange} />
      <PasswordSection />
      <SecondFactorSection me={me} onMeChange={onMeChange} />
    </>
  );
}

function LanguageSection({ me, onMeChange }: PageProps) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Language>(me.language);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  // The header's switch changes the language too: follow it.
  useEffect(() => setChoice(me.language), [me.language]);

  const save = async (event: Event) => {
    event.preventDefault();
    setState('saving');
    try {
      onMeChange(await api.setLanguage(choice));
      setState('saved');
    } catch {
      setState('failed');
    }
  };

  return (
    <section class="section" aria-labelledby="language-heading">
      <h2 class="heading-l" id="language-heading">
        {t('account.language.title')}
      </h2>
      {state === 'saved' && <Notice kind="success">{t('account.language.saved')}</Notice>}
      {state === 'failed' && <Notice kind="error">{t('language.saveFailed')}</Notice>}
      <form onSubmit={save}>
        <div class="form-group">
          <fieldset class="fieldset">
            <legend class="label">{t('account.language.legend')}</legend>
            <div class="hint">{t('account.language.hint')}</div>
            <div class="radios">
              {(['en', 'es'] as const).map((language) => (
                <div class="radio" key={language}>
                  <input
                    class="radio__input"
                    type="radio"
                    id={`language-${language}`}
                    name="language"
                    value={language}
                    checked={choice === language}
                    onChange={() => setChoice(language)}
                  />
                  <label class="radio__label" for={`language-${language}`} lang={language}>
                    {t(language === 'en' ? 'language.english' : 'language.spanish')}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <button type="submit" class="button" disabled={state === 'saving'}>
          {t('account.language.save')}
        </button>
      </form>
    </section>
  );
}

function SecondFactorSection({ me, onMeChange }: PageProps) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const explain = (error: unknown): string =>
    error instanceof ApiError && error.code !== 'network' && error.status < 500
      ? error.message
      : t('errors.unreachable');

  const start = async () => {
    setBusy(true);
    setErrors([]);
    try {
      setEnrolment(await api.startTotp());
    } catch (error) {
      setErrors([{ message: explain(error) }]);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setErrors([{ field: 'confirm-code', message: t('login.errors.codeFormat') }]);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      onMeChange(await api.confirmTotp(digits));
      setEnrolment(null);
      setCode('');
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 409)) {
        setErrors([{ field: 'confirm-code', message: t('account.totp.codeWrong') }]);
      } else {
        setErrors([{ message: explain(error) }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="totp-heading">
      <h2 class="heading-l" id="totp-heading">
        {t('account.totp.title')}
      </h2>
      <ErrorSummary errors={errors} />
      {done && (
        <Notice kind="success" testId="totp-done">
          {t('account.totp.done')}
        </Notice>
      )}
      <p data-testid="totp-status">
        {me.totp_enabled ? t('account.totp.on') : t('account.totp.off')}
        {me.totp_required && ` ${t('account.totp.required')}`}
      </p>
      {!enrolment && (
        <>
          <p>{t('account.totp.explain')}</p>
          <button
            type="button"
            class={me.totp_enabled ? 'button button--secondary' : 'button'}
            onClick={start}
            disabled={busy}
            data-testid="totp-start"
          >
            {me.totp_enabled ? t('account.totp.replace') : t('account.totp.start')}
          </button>
        </>
      )}
      {enrolment && (
        <form onSubmit={confirm} noValidate>
          <ol class="steps">
            <li>
              {t('account.totp.step1')}
              <SecondFactorSecret
                secret={enrolment.secret}
                uri={enrolment.otpauth_uri}
                note={t('account.totp.secretNote')}
              />
            </li>
            <li>
              <TextField
                id="confirm-code"
                label={t('account.totp.step2')}
                hint={t('login.codeHint')}
                value={code}
                onInput={setCode}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                width="code"
                error={errorFor(errors, 'confirm-code')}
              />
            </li>
          </ol>
          <div class="button-group">
            <button type="submit" class="button" disabled={busy} data-testid="totp-confirm">
              {t('account.totp.confirm')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setEnrolment(null);
                setErrors([]);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
