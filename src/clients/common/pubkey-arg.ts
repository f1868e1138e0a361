import { DomainError } from '../../common/errors/domain.error';
import { pubkeyProblem } from '../../common/validation/pubkey';

/**
 * The pubkey a client is asked about, lower-cased and checked before it goes into a URL path (so nothing
 * else can end up there). Callers validate request input already; failing here is a programming error.
 */
export function pubkeyArg(value: string): string {
  const problem = pubkeyProblem(value);
  if (problem) throw new DomainError('VALIDATION_FAILED', `pubkey ${problem}`);
  return value.toLowerCase();
}
