// The root of the UI: who is signed in, in which language, and which page shows.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, setUnauthenticatedHandler } from '../api/client';
import type { Language, Me } from '../api/types';
import { I18nContext, makeI18n, storeLanguage, storedLanguage } from '../i18n';
import { LoginPage, type LoginNotice } from '../pages/login/LoginPage';
import { Loading } from '../ui/Loading';
import { navigate } from './router';
import { Shell } from './Shell';

type Session =
  | { state: 'loading' }
  | { state: 'signedOut'; notice?: LoginNotice }
  | { state: 'signedIn'; me: Me };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [language, setLanguage] = useState<Language>(storedLanguage);
  const i18n = useMemo(() => makeI18n(language), [language]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const signedIn = useCallback((me: Me) => {
    setLanguage(me.language);
    storeLanguage(me.language);
    setSession({ state: 'signedIn', me });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession({ state: 'signedOut', notice: 'expired' }));
    api
      .me()
      .then(signedIn)
      .catch((error: unknown) => {
        const unreachable = !(error instanceof ApiError && error.status === 401);
        setSession({ state: 'signedOut', ...(unreachable ? { notice: 'unreachable' as const } : {}) });
      });
    return () => setUnauthenticatedHandler(undefined);
  }, [signedIn]);

  const chooseLanguageSignedOut = (next: Language) => {
    setLanguage(next);
    storeLanguage(next);
  };

  const signOut = async () => {
    try {
      await api.logout();
    } catch {
      // The session is gone either way; the server ends it when idle.
    }
    setSession({ state: 'signedOut', notice: 'signedOut' });
    navigate('', true);
  };

  return (
    <I18nContext.Provider value={i18n}>
      {session.state === 'loading' && (
        <main class="main main--centred" id="main">
          <Loading />
        </main>
      )}
      {session.state === 'signedOut' && (
        <LoginPage
          notice={session.notice}
          onLanguageChange={chooseLanguageSignedOut}
          onSignedIn={signedIn}
        />
      )}
      {session.state === 'signedIn' && (
        <Shell
          me={session.me}
          onMeChange={(me) => signedIn(me)}
          onLanguageShown={setLanguage}
          onSignOut={signOut}
        />
      )}
    </I18nContext.Provider>
  );
}
