import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context';

/** Clipboard API where the page is a secure context (https, localhost); a hidden textarea + execCommand elsewhere. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/** A button that copies `text`, then says so for two seconds (visibly and to screen readers). */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const { t } = useApp();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<number>();
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onClick = async () => {
    try {
      await copyText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <span class="copy">
      <button type="button" class="copy-button" onClick={onClick} aria-label={t('common.copyLabel', { what })} data-copied={state === 'copied' ? 'true' : 'false'}>
        {state === 'copied' ? `✓ ${t('common.copied')}` : t('common.copy')}
      </button>
      <span class="visually-hidden" role="status">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}

/** A command line to run on the node, with its copy button. */
export function CommandLine({ label, command }: { label: string; command: string }) {
  return (
    <div class="command">
      <span class="command-label">{label}</span>
      <pre>
        <code>{command}</code>
      </pre>
      <CopyButton text={command} what={label} />
    </div>
  );
}
