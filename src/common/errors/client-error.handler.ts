import { maxHeaderSize, Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode } from './domain.error';
import { problemHead } from './problem-details.filter';

/** Node's own answers to requests it cannot parse, by parser error code; anything else is a 400. */
const ANSWERS = new Map<string, { status: number; code: ErrorCode; detail: string }>([
  ['HPE_HEADER_OVERFLOW', { status: 431, code: 'HEADERS_TOO_LARGE', detail: `Request headers are larger than the allowed ${maxHeaderSize} bytes` }],
  ['HPE_CHUNK_EXTENSIONS_OVERFLOW', { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'Chunk extensions are larger than allowed' }],
  ['ERR_HTTP_REQUEST_TIMEOUT', { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time' }],
]);
const MALFORMED = { status: 400, code: 'VALIDATION_FAILED' as const, detail: 'Malformed HTTP request' };

/** The raw HTTP answer for a request Node refused while parsing it: problem+json, connection closed. */
export function rawProblemResponse(errorCode: string | undefined): string {
  const answer = ANSWERS.get(errorCode ?? '') ?? MALFORMED;
  const body = JSON.stringify({ ...problemHead(answer.code, answer.status), detail: answer.detail });
  return [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Requests Node's HTTP parser refuses (headers over `--max-http-header-size`, garbage, timeouts) never reach
 * Express, and Node answers them with an empty body. This keeps Node's behaviour (same statuses, connection
 * closed, nothing written once a response has started) but with a problem+json body like every other error.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) return void socket.destroy(err);
    socket.end(rawProblemResponse(err.code), () => socket.destroy());
  });
}
