import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Language } from './api/types';
import type { Translate } from './i18n';

export interface AppContextValue {
  lang: Language;
  t: Translate;
  api: ApiClient;
  /** Opens the API-key form and focuses it (after a 401). */
  askForApiKey: () => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside <AppContext.Provider>');
  return ctx;
}
