// Change your own password: the current one, then the new one twice. The
// browser checks what it can (length, the two copies match) before sending;
// the server ends the person's other sessions and keeps this one.

import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { MIN_PASSWORD_LENGTH } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';

export function PasswordSection() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [replacement, setReplacement] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const check = (): FieldError[] => {
    const found: FieldError[] = [];
    if (!current) found.push({ field: 'current-password', message: t('account.password.errors.current') });
    if (!replacement) {
      found.push({ field: 'new-password', message: t('account.password.errors.new') });
    } else if ([...replacement].length < MIN_PASSWORD_LENGTH) {
      found.push({
        field: 'new-password',
        message: t('account.password.errors.short', { n: MIN_PASSWORD_LENGTH }),
      });
    } else if (replacement === current) {
      found.push({ field: 'new-password', message: t('account.password.errors.same') });
    }
    if (!again) {
      found.push({ field: 'confirm-password', message: t('account.password.errors.again') });
    } else if (replacement && again !== replacement) {
      found.push({ field: 'confirm-password', message: t('account.password.errors.mismatch') });
    }
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setDone(false);
    const found = check();
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api.changePassword({ current_password: current, new_password: replacement });
      setCurrent('');
      setReplacement('');
      setAgain('');
      setDone(true);
    } catch (error) {
      setErrors([explain(error)]);
    } finally {
      setBusy(false);
    }
  };

  const explain = (error: unknown): FieldError => {
    if (error instanceof ApiError) {
      if (error.status === 401 && error.reason === 'wrong_password') {
        return { field: 'current-password', message: t('account.password.errors.wrong') };
      }
      if (error.status === 429) return { message: t('account.password.errors.throttled') };
      if (error.status === 400) return { field: 'new-password', message: error.message };
      if (error.code !== 'network' && error.status < 500) return { message: error.message };
    }
    return { message: t('errors.unreachable') };
  };

  return (
    <section class="section" aria-labelledby="password-heading">
      <h2 class="heading-l" id="password-heading">
        {t('account.password.title')}
      </h2>
      <ErrorSummary errors={errors} />
      {done && (
        <Notice kind="success" testId="password-changed">
          {t('account.password.done')}
        </Notice>
      )}
      <p>{t('account.password.explain')}</p>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <TextField
          id="current-password"
          label={t('account.password.current')}
          type="password"
          value={current}
          onInput={setCurrent}
          autoComplete="current-password"
          width="half"
          error={errorFor(errors, 'current-password')}
        />
        <TextField
          id="new-password"
          label={t('account.password.new')}
          hint={t('account.password.newHint', { n: MIN_PASSWORD_LENGTH })}
          type="password"
          value={replacement}
          onInput={setReplacement}
          autoComplete="new-password"
          width="half"
          error={errorFor(errors, 'new-password')}
        />
        <TextField
          id="confirm-password"
          label={t('account.password.again')}
          type="password"
          value={again}
          onInput={setAgain}
          autoComplete="new-password"
          width="half"
          error={errorFor(errors, 'confirm-password')}
        />
        <button type="submit" class="button" disabled={busy} data-testid="password-submit">
          {busy ? t('account.password.saving') : t('account.password.save')}
        </button>
      </form>
    </section>
  );
}
