import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Unknown fields are refused, values are converted to their declared types, and errors name the field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
