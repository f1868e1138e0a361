import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { answerClientErrorsWithProblems } from '../common/errors/client-error.handler';

/**
 * What happens to a request before its body is read or a route is looked up: Node's own refusals (headers too
 * large, unparsable requests) answered as problem+json. Call it after configureSecurity and before the body parser.
 */
export function configureEdge(app: NestExpressApplication): void {
  answerClientErrorsWithProblems(app.getHttpServer() as Server);
}
