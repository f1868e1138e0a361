import { PrioritiesRequestDto } from '../../intelligence/dto/priorities.dto';
import { createValidationPipe, exceedsDepth, MAX_INPUT_DEPTH, ValidationFailedError } from './validation';

const nested = (depth: number) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown;

describe('the validation pipe', () => {
  it('measures nesting without recursion, at any depth', () => {
    expect(exceedsDepth({ goals: ['connectivity'] }, 2)).toBe(false);
    expect(exceedsDepth({ goals: ['connectivity'] }, 1)).toBe(true);
    expect(exceedsDepth('a string', 0)).toBe(false);
    expect(exceedsDepth(nested(MAX_INPUT_DEPTH), MAX_INPUT_DEPTH)).toBe(false);
    expect(exceedsDepth(nested(MAX_INPUT_DEPTH + 1), MAX_INPUT_DEPTH)).toBe(true);
    expect(exceedsDepth(nested(200_000), MAX_INPUT_DEPTH)).toBe(true);
  });

  it('refuses a deeply nested body with a validation error, where class-transformer would overflow the stack', async () => {
    const attempt = createValidationPipe().transform({ goals: nested(5_000) }, { type: 'body', metatype: PrioritiesRequestDto });
    await expect(attempt).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { errors: [{ field: 'body', message: expect.stringContaining(`${MAX_INPUT_DEPTH} levels`) }] } });
  });

  it('still validates ordinary bodies field by field', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ goals: ['connectivity'], max_actions: 3 }, { type: 'body', metatype: PrioritiesRequestDto })).resolves.toMatchObject({ max_actions: 3 });
    await expect(pipe.transform({ goals: ['nope'] }, { type: 'body', metatype: PrioritiesRequestDto })).rejects.toBeInstanceOf(ValidationFailedError);
  });
});
