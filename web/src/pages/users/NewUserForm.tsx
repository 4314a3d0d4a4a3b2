// Add a user: name, agency, roles and an initial password. Roles that need a
// second factor get one at once; the page shows its secret a single time.

import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { ALL_ROLES, MIN_PASSWORD_LENGTH, type CreatedUser, type Role } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';

const ROLES_NEEDING_TOTP: Role[] = ['admin', 'tip_handler'];

export function NewUserForm({ onCreated }: { onCreated: (answer: CreatedUser) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agency, setAgency] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldError[] => {
    const found: FieldError[] = [];
    if (!username.trim()) found.push({ field: 'new-username', message: t('users.errors.username') });
    if (!displayName.trim()) found.push({ field: 'new-display-name', message: t('users.errors.displayName') });
    if (!agency.trim()) found.push({ field: 'new-agency', message: t('users.errors.agency') });
    if (roles.length === 0) found.push({ field: `role-${ALL_ROLES[0]}`, message: t('users.errors.roles') });
    if (!password) found.push({ field: 'new-password', message: t('users.errors.password') });
    else if ([...password].length < MIN_PASSWORD_LENGTH) {
      found.push({ field: 'new-password', message: t('users.errors.passwordShort', { n: MIN_PASSWORD_LENGTH }) });
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
      const answer = await api.createUser({
        username: username.trim(),
        display_name: displayName.trim(),
        agency: agency.trim(),
        roles,
        password,
      });
      setUsername('');
      setDisplayName('');
      setAgency('');
      setRoles([]);
      setPassword('');
      onCreated(answer);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'already_exists') {
        setErrors([{ field: 'new-username', message: t('users.errors.taken') }]);
      } else if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        setErrors([{ message: error.message }]);
      } else {
        setErrors([{ message: t('errors.unreachable') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const rolesError = errorFor(errors, `role-${ALL_ROLES[0]}`);
  return (
    <section class="section" aria-labelledby="new-user-heading">
      <h2 class="heading-l" id="new-user-heading">
        {t('users.new.title')}
      </h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate data-testid="new-user-form">
        <div class="form-columns">
          <TextField
            id="new-username"
            label={t('users.new.username')}
            hint={t('users.new.usernameHint')}
            value={username}
            onInput={setUsername}
            autoComplete="off"
            error={errorFor(errors, 'new-username')}
          />
          <TextField
            id="new-display-name"
            label={t('users.new.displayName')}
            hint={t('users.new.displayNameHint')}
            value={displayName}
            onInput={setDisplayName}
            autoComplete="off"
            spellcheck={false}
            error={errorFor(errors, 'new-display-name')}
          />
        </div>
        <TextField
          id="new-agency"
          label={t('users.new.agency')}
          hint={t('users.new.agencyHint')}
          value={agency}
          onInput={setAgency}
          autoComplete="off"
          error={errorFor(errors, 'new-agency')}
        />
        <div class={`form-group${rolesError ? ' form-group--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={`roles-hint${rolesError ? ' roles-error' : ''}`}>
            <legend class="label">{t('users.new.roles')}</legend>
            <div class="hint" id="roles-hint">
              {t('users.new.rolesHint')}
            </div>
            {rolesError && (
              <p class="error-message" id="roles-error">
                <span class="visually-hidden">{t('errors.prefix')} </span>
                {rolesError}
              </p>
            )}
            <div class="checkboxes">
              {ALL_ROLES.map((role) => (
                <div class="checkbox" key={role}>
                  <input
                    class="checkbox__input"
                    type="checkbox"
                    id={`role-${role}`}
                    name="roles"
                    value={role}
                    checked={roles.includes(role)}
                    aria-describedby={`role-${role}-hint`}
                    onChange={(event) => {
                      const on = (event.currentTarget as HTMLInputElement).checked;
                      setRoles((current) =>
                        on ? ALL_ROLES.filter((r) => r === role || current.includes(r)) : current.filter((r) => r !== role),
                      );
                    }}
                  />
                  <label class="checkbox__label" for={`role-${role}`}>
                    {t(`role.${role}`)}
                  </label>
                  <div class="checkbox__hint hint" id={`role-${role}-hint`}>
                    {t(`role.${role}.hint`)}
                    {ROLES_NEEDING_TOTP.includes(role) && ` ${t('users.new.needsTotp')}`}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <TextField
          id="new-password"
          label={t('users.new.password')}
          hint={t('users.new.passwordHint', { n: MIN_PASSWORD_LENGTH })}
          type="password"
          value={password}
          onInput={setPassword}
          autoComplete="new-password"
          width="half"
          error={errorFor(errors, 'new-password')}
        />
        <button type="submit" class="button" disabled={busy} data-testid="create-user">
          {busy ? t('users.new.creating') : t('users.new.submit')}
        </button>
      </form>
    </section>
  );
}
