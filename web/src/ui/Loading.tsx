import { useI18n } from '../i18n';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p class="loading" role="status" aria-live="polite">
      {label ?? t('app.loading')}
    </p>
  );
}
