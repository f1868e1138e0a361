import { contractViolations } from './contract';

/** Every e2e file fails when one of its responses broke the OpenAPI contract. */
afterAll(() => {
  const found = contractViolations.splice(0);
  expect(found).toEqual([]);
});
