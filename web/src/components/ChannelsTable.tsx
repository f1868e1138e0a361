import { useState } from 'preact/hooks';
import type { Channel } from '../api/types';
import { useApp } from '../context';
import { formatInt, formatSat, shortPubkey } from '../format';
import { hrefFor, onLinkClick } from '../router';

const FIRST = 15;

const fee = (p: Channel['local_policy'], lang: 'en' | 'fr') => (p ? `${formatInt(p.fee_rate_ppm, lang)}${p.disabled ? ' ⊘' : ''}` : '—');

/** The node's channels, largest first: the first 15, all on demand. */
export function ChannelsTable({ channels }: { channels: Channel[] }) {
  const { t, lang } = useApp();
  const [all, setAll] = useState(false);
  const shown = all ? channels : channels.slice(0, FIRST);
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption>{t('channels.caption', { n: formatInt(channels.length, lang) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('channels.peer')}</th>
              <th scope="col" class="num">{t('channels.capacity')}</th>
              <th scope="col" class="num">{t('channels.local')}</th>
              <th scope="col" class="num">{t('channels.remote')}</th>
              <th scope="col">{t('channels.usable')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c, i) => (
              <tr key={`${c.peer_pubkey}:${i}`}>
                <th scope="row">
                  <a href={hrefFor.node(c.peer_pubkey)} onClick={onLinkClick}>
                    {c.peer_alias ?? shortPubkey(c.peer_pubkey)}
                  </a>
                </th>
                <td class="num">{formatSat(c.capacity, lang)}</td>
                <td class="num">{fee(c.local_policy, lang)}</td>
                <td class="num">{fee(c.remote_policy, lang)}</td>
                <td>{c.usable ? t('channels.yes') : t('channels.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {channels.length > FIRST && (
        <button type="button" class="secondary" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('common.showFewer') : t('common.showAll', { n: formatInt(channels.length, lang) })}
        </button>
      )}
    </>
  );
}
