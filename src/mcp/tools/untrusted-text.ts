/**
 * Upstream text (node aliases, search queries) as it may appear in a tool's text summary: always a JSON string
 * literal, so quotes, newlines and control characters inside it cannot break out of the quotes and read as
 * the service's own words. The structured content carries the text exactly as received.
 */
export function quoted(text: string | null): string {
  return text === null ? '(no alias)' : JSON.stringify(text);
}
