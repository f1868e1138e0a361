import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain.error';

/** Flattens class-validator errors into `{ field, message }` pairs (nested fields dotted). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export class ValidationFailedError extends DomainError {
  constructor(errors: Array<{ field: string; message: string }>) {
    super('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), { errors });
  }
}

/**
 * Deepest nesting of arrays and objects an input may have. Our bodies need 3 levels; class-transformer recurses
 * once per level and overflows the stack (a 500) in the low thousands, which a 1 MB body reaches easily.
 */
export const MAX_INPUT_DEPTH = 32;

/** Whether `value` nests arrays/objects more than `limit` levels deep; iterative, so any depth is safe to measure. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Keys that name JavaScript's prototype machinery. JSON.parse makes them ordinary own keys, but class-transformer
 * and the whitelist skip them silently; they are refused like any other unknown field.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Dotted path of the first prototype key anywhere in `value`, or null; iterative, like {@link exceedsDepth}. */
export function prototypeKeyPath(value: unknown): string | null {
  const pending: Array<[unknown, string]> = [[value, '']];
  while (pending.length > 0) {
    const [v, path] = pending.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return at;
      pending.push([(v as Record<string, unknown>)[key], at]); // eslint-disable-line security/detect-object-injection -- key comes from Object.keys(v)
    }
  }
  return null;
}

/** Most field errors one answer lists: a request with a thousand unknown fields gets a short answer and a count. */
export const MAX_LISTED_ERRORS = 10;

export function boundedErrors(errors: Array<{ field: string; message: string }>): Array<{ field: string; message: string }> {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const more = errors.length - MAX_LISTED_ERRORS;
  return [...errors.slice(0, MAX_LISTED_ERRORS), { field: '…', message: `and ${more} more error${more === 1 ? '' : 's'} not listed` }];
}

/** Refuses over-deep inputs before class-transformer walks them, and prototype keys it would skip. */
class DepthBoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (exceedsDepth(value, MAX_INPUT_DEPTH)) {
      throw new ValidationFailedError([{ field: metadata.data ?? metadata.type, message: `must not nest arrays or objects more than ${MAX_INPUT_DEPTH} levels deep` }]);
    }
    const prototypeKey = metadata.type === 'body' || metadata.type === 'query' ? prototypeKeyPath(value) : null;
    if (prototypeKey !== null) throw new ValidationFailedError([{ field: prototypeKey, message: `property ${prototypeKey} should not exist` }]);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, values are converted to their declared types, and errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new DepthBoundedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedError(boundedErrors(flattenValidationErrors(errors))),
  });
}
