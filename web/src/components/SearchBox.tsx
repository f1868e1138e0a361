import { useEffect, useRef, useState } from 'preact/hooks';
import type { NodeSearchResponse } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatSat, shortPubkey } from '../format';
import { hrefFor, navigate } from '../router';
import { ErrorMessage } from './ErrorMessage';

const LIMIT = 8;
const DEBOUNCE_MS = 120;

/** Enter on something that is meant as a pubkey but matches nothing opens it anyway: the node page says what is wrong. */
const looksLikePubkey = (q: string) => !/\s/.test(q) && (/^0[23]/i.test(q) || q.length >= 20);

/**
 * An ARIA 1.2 combobox over `GET /nodes/search`: typing searches (debounced, the previous request aborted),
 * ↑/↓ move through the results, Enter opens one, Escape closes the list.
 */
export function SearchBox() {
  const { api, t, lang } = useApp();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<NodeSearchResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const pending = useRef<{ q: string; promise: Promise<NodeSearchResponse | null> } | null>(null);
  const ctrl = useRef<AbortController | null>(null);
  const timer = useRef<number>();
  const input = useRef<HTMLInputElement>(null);

  const search = (q: string): Promise<NodeSearchResponse | null> => {
    if (pending.current?.q === q) return pending.current.promise;
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    setBusy(true);
    const settled = () => {
      if (pending.current?.promise === promise) pending.current = null;
    };
    const promise: Promise<NodeSearchResponse | null> = api.searchNodes(q, LIMIT, c.signal).then(
      (res) => {
        settled();
        if (c.signal.aborted) return null;
        setAnswer(res);
        setError(null);
        setActive(-1);
        setOpen(true);
        setBusy(false);
        return res;
      },
      (err: unknown) => {
        settled();
        if (c.signal.aborted || (err as Error)?.name === 'AbortError') return null;
        setAnswer(null);
        setError(err);
        setOpen(false);
        setBusy(false);
        return null;
      },
    );
    pending.current = { q, promise };
    return promise;
  };

  useEffect(() => () => {
    ctrl.current?.abort();
    window.clearTimeout(timer.current);
  }, []);

  const onInput = (e: Event) => {
    const q = (e.currentTarget as HTMLInputElement).value;
    setQuery(q);
    window.clearTimeout(timer.current);
    if (q.trim() === '') {
      ctrl.current?.abort();
      pending.current = null;
      setAnswer(null);
      setError(null);
      setOpen(false);
      setBusy(false);
      return;
    }
    timer.current = window.setTimeout(() => void search(q.trim()), DEBOUNCE_MS);
  };

  const openNode = (pubkey: string) => {
    setOpen(false);
    setActive(-1);
    navigate(hrefFor.node(pubkey));
  };

  const onKeyDown = async (e: KeyboardEvent) => {
    const results = answer?.results ?? [];
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && results.length) setOpen(true);
      setActive((i) => (results.length ? (i + 1) % results.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (results.length ? (i <= 0 ? results.length - 1 : i - 1) : -1));
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const q = query.trim();
      if (!q) return;
      // eslint-disable-next-line security/detect-object-injection -- active is an integer list position
      if (open && active >= 0 && results[active]) return openNode(results[active].pubkey);
      window.clearTimeout(timer.current);
      const res = answer?.query === q ? answer : await search(q);
      // null: the search failed, and its error is on screen.
      if (res && res.results.length > 0) openNode(res.results[0].pubkey);
      else if (res && looksLikePubkey(q)) openNode(q);
    }
  };

  const results = answer?.results ?? [];
  const expanded = open && results.length > 0;
  const status = busy
    ? t('search.searching')
    : answer
      ? answer.total === 0
        ? t('search.none', { q: answer.query })
        : t('search.results', { shown: results.length, total: formatInt(answer.total, lang) })
      : '';

  return (
    <div class="search" role="search">
      <label for="node-search" class="search-label">
        {t('search.label')}
      </label>
      <div class="search-field">
        <input
          ref={input}
          id="node-search"
          type="search"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls="node-search-results"
          aria-activedescendant={expanded && active >= 0 ? `node-search-option-${active}` : undefined}
          aria-describedby="node-search-hint node-search-status"
          placeholder={t('search.placeholder')}
          value={query}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onFocus={() => results.length > 0 && setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <ul id="node-search-results" role="listbox" aria-label={t('search.listLabel')} class="search-results" hidden={!expanded}>
          {results.map((r, i) => (
            <li
              key={r.pubkey}
              id={`node-search-option-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'search-option active' : 'search-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                openNode(r.pubkey);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span class="search-alias">{r.alias ?? t('search.noAlias')}</span>
              <span class="search-meta">
                <code>{shortPubkey(r.pubkey)}</code> · {t(r.channels === 1 ? 'search.channel' : 'search.channels', { n: formatInt(r.channels, lang) })} · {formatSat(r.capacity, lang)} ·{' '}
                {t('search.rank', { n: formatInt(r.degree_rank, lang) })}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <p id="node-search-hint" class="visually-hidden">
        {t('search.hint')}
      </p>
      <p id="node-search-status" class="search-status" role="status" aria-live="polite">
        {status}
      </p>
      {error !== null && <ErrorMessage error={error} id="node-search-error" />}
    </div>
  );
}
