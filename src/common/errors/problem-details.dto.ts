import { ApiProperty } from '@nestjs/swagger';

export class ProblemFieldErrorDto {
  field!: string;
  message!: string;
}

/** RFC 9457 problem details: every error of the API has this shape, served as `application/problem+json`. */
export class ProblemDetailsDto {
  /** URN naming the error type. */
  type!: string;
  title!: string;
  status!: number;
  /** What went wrong, for a human. */
  detail!: string;
  /** Stable machine-readable code, e.g. `NODE_NOT_FOUND`, `VALIDATION_FAILED`. */
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code!: string;
  /** The request path. */
  instance!: string;
  request_id?: string;
  /** Per-field messages for validation errors. */
  errors?: ProblemFieldErrorDto[];
}

