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

/** Refuses over-deep inputs before class-transformer walks them. */
class DepthBoundedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (exceedsDepth(value, MAX_INPUT_DEPTH)) {
      throw new ValidationFailedError([{ field: metadata.data ?? metadata.type, message: `must not nest arrays or objects more than ${MAX_INPUT_DEPTH} levels deep` }]);
    }
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
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
