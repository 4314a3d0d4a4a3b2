// The frame around every signed-in page: header with the user and the
// language, the navigation the user's permissions allow, and the page.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Language, Me } from '../api/types';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { focusField } from '../ui/ErrorSummary';
import { pagesFor } from './pages';
import { navigate, useRoute } from './router';

interface ShellProps {
  me: Me;
  onMeChange: (me: Me) => void;
  /** Shows the UI in a language before the server has confirmed it. */
  onLanguageShown: (language: Language) => void;
  onSignOut: () => void;
}

export function Shell({ me, onMeChange, onLanguageShown, onSignOut }: ShellProps) {
  const { t, language } = useI18n();
  const route = useRoute();
  const allowed = pagesFor(me);
  const page = allowed.find((p) => p.route === route);
  const pages = allowed.filter((p) => !p.hidden);
  const [languageBusy, setLanguageBusy] = useState(false);
  const [languageFailed, setLanguageFailed] = useState(false);

  useEffect(() => {
    if (!page) navigate(pages[0]!.route, true);
  }, [page, pages]);

  const changeLanguage = async (next: Language) => {
    const previous = language;
    onLanguageShown(next);
    setLanguageBusy(true);
    setLanguageFailed(false);
    try {
      onMeChange(await api.setLanguage(next));
    } catch {
      onLanguageShown(previous);
      setLanguageFailed(true);
    } finally {
      setLanguageBusy(false);
    }
  };

  const Page = page?.component;
  return (
    <>
      <a
        href="#main"
        class="skip-link"
        onClick={(event) => {
          event.preventDefault();
          focusField('main');
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header class="header">
        <div class="header__inner">
          <a class="header__product" href={`#/${pages[0]!.route}`}>
            <svg class="header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3z" />
            </svg>
            {t('app.name')}
          </a>
          <div class="header__user" data-testid="current-user">
            <span class="header__user-name">{me.display_name}</span>
            <span class="header__agency">{me.agency}</span>
          </div>
          <div class="header__actions">
            <LanguageSwitch onChange={changeLanguage} busy={languageBusy} />
            <button type="button" class="button button--inverse" onClick={onSignOut} data-testid="sign-out">
              {t('app.signOut')}
            </button>
          </div>
        </div>
        <nav class="nav" aria-label={t('nav.label')}>
          <ul class="nav__list">
            {pages.map((p) => (
              <li key={p.route}>
                <a
                  class="nav__link"
                  href={`#/${p.route}`}
                  aria-current={p.route === route ? 'page' : undefined}
                  data-route={p.route}
                >
                  {t(p.title)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="main" id="main" tabIndex={-1}>
        {languageFailed && <Notice kind="warning">{t('language.saveFailed')}</Notice>}
        {Page && <Page key={route} me={me} onMeChange={onMeChange} />}
      </main>
    </>
  );
}
