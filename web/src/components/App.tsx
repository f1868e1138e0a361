import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createApiClient } from '../api/client';
import type { Language } from '../api/types';
import { AppContext, type AppContextValue } from '../context';
import { initialLanguage, saveLanguage, translator } from '../i18n';
import { useRoute } from '../router';
import { Header } from './Header';
import { HomePage } from './HomePage';
import { NodePage } from './NodePage';
import { ServicePage } from './ServicePage';

const KEY_STORAGE = 'lnint.apiKey';

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function App() {
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [apiKey, setApiKey] = useState<string | null>(storedKey);
  const [keyOpen, setKeyOpen] = useState(false);
  const keyInput = useRef<HTMLInputElement>(null);
  const route = useRoute();
  // The client reads the current language and key at each call, so it never needs rebuilding.
  const langRef = useRef(lang);
  langRef.current = lang;
  const keyRef = useRef(apiKey);
  keyRef.current = apiKey;
  const api = useMemo(() => createApiClient({ language: () => langRef.current, apiKey: () => keyRef.current }), []);

  useEffect(() => {
    document.documentElement.lang = lang;
    saveLanguage(lang);
  }, [lang]);

  const onApiKey = (key: string | null) => {
    try {
      if (key) sessionStorage.setItem(KEY_STORAGE, key);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // Kept in memory only.
    }
    setApiKey(key);
    setKeyOpen(false);
    // The page reloads its data with the new key; put the reader back at its start.
    window.requestAnimationFrame(() => document.getElementById('main')?.focus());
  };

  const askForApiKey = useCallback(() => {
    setKeyOpen(true);
    window.requestAnimationFrame(() => keyInput.current?.focus());
  }, []);

  const value = useMemo<AppContextValue>(() => ({ lang, t: translator(lang), api, askForApiKey }), [lang, api, askForApiKey]);
  const t = value.t;

  return (
    <AppContext.Provider value={value}>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header route={route} onLanguage={setLang} apiKey={apiKey} onApiKey={onApiKey} keyOpen={keyOpen} onKeyToggle={setKeyOpen} keyInput={keyInput} />
      {/* Pages are keyed by what they show (and the API key), so a new key or node starts from a clean state. */}
      <main id="main" tabIndex={-1} key={`${apiKey ?? ''}`}>
        {route.page === 'home' && <HomePage />}
        {route.page === 'node' && <NodePage key={route.pubkey} pubkey={route.pubkey} />}
        {route.page === 'service' && <ServicePage />}
        {route.page === 'not-found' && (
          <div class="page">
            <h1>{t('error.404')}</h1>
            <p>{t('error.notFoundPage')}</p>
          </div>
        )}
      </main>
      <footer class="bottom muted">
        <a href="/docs">{t('nav.docs')}</a> · <code>/api/v1</code>
      </footer>
    </AppContext.Provider>
  );
}
