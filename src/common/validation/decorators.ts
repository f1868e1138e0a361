import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateBy, ValidationArguments } from 'class-validator';
import { pubkeyProblem } from './pubkey';

export const EXAMPLE_PUBKEY = '03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f';

/** A Lightning node id: 66 hex characters starting 02/03; upper case is accepted and lower-cased. */
export function IsNodePubkey(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value)),
    ValidateBy({
      name: 'isNodePubkey',
      validator: {
        validate: (value: unknown) => pubkeyProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'pubkey'} ${pubkeyProblem(args?.value) ?? 'is invalid'}`,
      },
    }),
    ApiProperty({ description: 'Node public key: 66 hex characters starting with 02 or 03', example: EXAMPLE_PUBKEY, pattern: '^0[23][0-9a-fA-F]{64}$' }),
  );
}

/** An optional query flag: only `true` or `false` are accepted, anything else is a 400 naming the field. */
export function QueryFlag(description: string, defaultValue: boolean): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsOptional(),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
    ApiPropertyOptional({ description, default: defaultValue, type: Boolean }),
  );
}
