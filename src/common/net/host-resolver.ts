import { lookup } from 'node:dns/promises';

/** Every address a host name resolves to, as the system resolver gives them to a connecting socket. */
export type HostResolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const HOST_RESOLVER = Symbol('HOST_RESOLVER');

export const systemResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });
