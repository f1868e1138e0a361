import { Logger, LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';

/** Captures everything Nest `Logger` instances write, so tests can look for secrets in log lines. */
export class LogCapture implements LoggerService {
  readonly lines: Array<{ level: string; text: string }> = [];

  install(): this {
    Logger.overrideLogger(this);
    return this;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.push('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.push('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.push('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.push('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.push('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.push('fatal', message, rest);
  }

  text(): string {
    return this.lines.map((l) => `${l.level} ${l.text}`).join('\n');
  }

  at(level: string): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.text);
  }

  clear(): void {
    this.lines.length = 0;
  }

  private push(level: string, message: unknown, rest: unknown[]): void {
    const parts = [message, ...rest].map((p) => (typeof p === 'string' ? p : inspect(p, { depth: 8 })));
    this.lines.push({ level, text: parts.join(' ') });
  }
}

/** Every textual form an error can take in logs or responses: message, cause, JSON, util.inspect. */
export function everyRendering(err: unknown): string {
  const e = err as { message?: string; cause?: unknown; details?: unknown };
  return [String(e?.message), inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err), JSON.stringify(e?.details), inspect(e?.cause, { depth: 10 })].join('\n');
}
