import { METHODS } from 'node:http';
import type { Request } from 'express';

/** The parts of an Express 5 router layer read here (the `router` package ships no types for them). */
interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/**
 * The methods the app's routes answer at the request's path, e.g. `['GET', 'HEAD']`; empty when no route has
 * that path. Read from the Express router itself, so it lists exactly what is registered (API, docs, dashboard).
 */
export function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  const path = new URL(req.originalUrl ?? req.url, 'http://localhost').pathname;
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || answersEveryMethod(layer.route.methods) || !safeMatch(layer, path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on) methods.add(method.toUpperCase());
  }
  // Express answers HEAD with every GET route.
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Nest's not-found handler is a route for every method (`/api/v1/{*splat}`): it names no resource. */
function answersEveryMethod(methods: Record<string, boolean>): boolean {
  return methods._all === true || METHODS.every((m) => methods[m.toLowerCase()] === true);
}

/** A malformed percent-encoding makes `match` throw; such a path matches nothing. */
function safeMatch(layer: RouterLayer, path: string): boolean {
  try {
    return layer.match(path);
  } catch {
    return false;
  }
}
