import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { Language } from '../api/types';
import { useApp } from '../context';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n';
import { hrefFor, onLinkClick, type Route } from '../router';
import { SearchBox } from './SearchBox';

interface HeaderProps {
  route: Route;
  onLanguage: (lang: Language) => void;
  apiKey: string | null;
  onApiKey: (key: string | null) => void;
  keyOpen: boolean;
  onKeyToggle: (open: boolean) => void;
  keyInput: Ref<HTMLInputElement>;
}

export function Header({ route, onLanguage, apiKey, onApiKey, keyOpen, onKeyToggle, keyInput }: HeaderProps) {
  const { t, lang } = useApp();
  const [draft, setDraft] = useState('');
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
  return (
    <header class="top">
      <div class="top-row">
        <a class="brand" href={hrefFor.home()} onClick={onLinkClick}>
          <span aria-hidden="true" class="brand-mark">⚡</span> {t('app.title')}
        </a>
        <nav aria-label={t('nav.label')} class="nav">
          <a href={hrefFor.home()} onClick={onLinkClick} aria-current={current('home')}>
            {t('nav.home')}
          </a>
          <a href={hrefFor.service()} onClick={onLinkClick} aria-current={current('service')}>
            {t('nav.service')}
          </a>
          <a href="/docs">{t('nav.docs')}</a>
        </nav>
        <div class="settings">
          <label for="language" class="inline-label">
            {t('lang.label')}
          </label>
          <select id="language" value={lang} onChange={(e) => onLanguage((e.currentTarget as HTMLSelectElement).value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {/* eslint-disable-next-line security/detect-object-injection -- l iterates the constant LANGUAGES list */}
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
          <details class="api-key" open={keyOpen} onToggle={(e) => onKeyToggle((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>
              {t('key.summary')}
              {apiKey ? ' ✓' : ''}
            </summary>
            <form
              class="api-key-form"
              onSubmit={(e) => {
                e.preventDefault();
                onApiKey(draft.trim() || null);
                setDraft('');
              }}
            >
              <label for="api-key">{t('key.label')}</label>
              <input ref={keyInput} id="api-key" type="password" autocomplete="off" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
              <div class="row">
                <button type="submit">{t('key.save')}</button>
                <button type="button" onClick={() => onApiKey(null)} disabled={!apiKey}>
                  {t('key.clear')}
                </button>
              </div>
              <p class="muted" role="status">
                {apiKey ? t('key.saved') : t('key.none')}
              </p>
            </form>
          </details>
        </div>
      </div>
      <SearchBox />
    </header>
  );
}
