/**
 * Thrown by wire mappers when a response does not have the documented shape. The message names the field
 * path and what was expected, never the value (values may be long or carry data we do not want in logs).
 */
export class MalformedResponseError extends Error {
  constructor(
    readonly where: string,
    expected: string,
  ) {
    super(`${where}: expected ${expected}`);
    this.name = 'MalformedResponseError';
  }
}
