// The secret of a second factor and its otpauth URI, shown once, to type or
// paste into an authenticator app.

import { useI18n } from '../i18n';

export function SecondFactorSecret({ secret, uri, note }: { secret: string; uri: string; note: string }) {
  const { t } = useI18n();
  // Groups of four are easier to read out and type.
  const grouped = secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <div class="secret" data-testid="totp-secret">
      <p class="secret__note">
        <strong>{note}</strong>
      </p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t('totp.secret')}</dt>
          <dd>
            <code class="code code--large" data-secret={secret}>
              {grouped}
            </code>
          </dd>
        </div>
        {uri && (
          <div class="summary-list__row">
            <dt>{t('totp.uri')}</dt>
            <dd>
              <code class="code code--wrap" data-testid="otpauth-uri">
                {uri}
              </code>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
