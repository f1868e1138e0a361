import { useEffect, useState } from 'preact/hooks';

/** The dashboard's pages, all below /dashboard; `/` is the home page too. */
export type Route = { page: 'home' } | { page: 'node'; pubkey: string } | { page: 'service' } | { page: 'not-found' };

export const BASE = '/dashboard';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === BASE) return { page: 'home' };
  if (path === `${BASE}/service`) return { page: 'service' };
  const m = /^\/dashboard\/node\/([^/]+)$/.exec(path);
  if (m) {
    let pubkey = m[1];
    try {
      pubkey = decodeURIComponent(pubkey);
    } catch {
      // A malformed escape stays as typed: the API will say what is wrong with it.
    }
    return { page: 'node', pubkey };
  }
  return { page: 'not-found' };
}

export const hrefFor = {
  home: () => `${BASE}/`,
  node: (pubkey: string) => `${BASE}/node/${encodeURIComponent(pubkey)}`,
  service: () => `${BASE}/service`,
};

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  if (href === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', href);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** For <a href> inside the app: a plain click navigates in place; modified clicks (new tab…) stay the browser's. */
export function onLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget as Element).closest('a');
  const href = a?.getAttribute('href');
  if (!href || !href.startsWith('/')) return;
  e.preventDefault();
  navigate(href);
}
