import { ApiError, NetworkError } from '../api/client';
import { useApp } from '../context';
import type { MessageKey } from '../i18n';

const TITLES: Record<number, MessageKey> = { 400: 'error.400', 401: 'error.401', 404: 'error.404', 429: 'error.429', 503: 'error.503' };

/**
 * An API error as the operator should read it: a title from the status, the API's own detail (it says what was
 * wrong, e.g. which field), each invalid field, and for 401 a way to enter a key.
 */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const { t, askForApiKey } = useApp();
  if (error instanceof NetworkError) {
    return (
      <div class="error" role="alert" id={id}>
        <p class="error-title">{t('error.network')}</p>
      </div>
    );
  }
  if (!(error instanceof ApiError)) {
    return (
      <div class="error" role="alert" id={id}>
        <p class="error-title">{String((error as Error)?.message ?? error)}</p>
      </div>
    );
  }
  const titleKey = TITLES[error.status];
  const fields = error.problem?.errors ?? [];
  return (
    <div class="error" role="alert" id={id} data-status={error.status} data-code={error.code ?? ''}>
      <p class="error-title">
        {titleKey ? t(titleKey) : t('error.other', { status: error.status })} <span class="error-code">{error.status} {error.code}</span>
      </p>
      {error.problem?.detail && <p class="error-detail">{error.problem.detail}</p>}
      {fields.length > 0 && (
        <>
          <p class="error-fields-title">{t('error.fields')}</p>
          <ul class="error-fields">
            {fields.map((f, i) => (
              <li key={i}>
                <code>{f.field}</code>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {error.status === 401 && (
        <p>
          {t('error.401.help')}{' '}
          <button type="button" class="link-button" onClick={askForApiKey}>
            {t('key.summary')}
          </button>
        </p>
      )}
      {error.status === 429 && error.retryAfterMs !== null && <p>{t('error.429.help', { s: Math.ceil(error.retryAfterMs / 1000) })}</p>}
    </div>
  );
}
