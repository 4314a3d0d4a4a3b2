// Two buttons, English and Español, each named in its own language.

import type { Language } from '../api/types';
import { useI18n } from '../i18n';

const choices: { language: Language; key: 'language.english' | 'language.spanish'; short: string }[] = [
  { language: 'en', key: 'language.english', short: 'EN' },
  { language: 'es', key: 'language.spanish', short: 'ES' },
];

export function LanguageSwitch({
  onChange,
  busy = false,
}: {
  onChange: (language: Language) => void;
  busy?: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <div class="language-switch" role="group" aria-label={t('language.label')}>
      {choices.map((choice) => (
        <button
          key={choice.language}
          type="button"
          class="language-switch__button"
          lang={choice.language}
          aria-pressed={choice.language === language ? 'true' : 'false'}
          disabled={busy}
          data-language={choice.language}
          onClick={() => choice.language !== language && onChange(choice.language)}
        >
          <span aria-hidden="true">{choice.short}</span>
          <span class="visually-hidden">{t(choice.key)}</span>
        </button>
      ))}
    </div>
  );
}
