import { DomainError } from '../../common/errors/domain.error';

/** Neither the graph nor any configured live source knows the node (404). */
export class NodeUnknownEverywhereError extends DomainError {
  constructor(pubkey: string, graphDate: string, asked: string[]) {
    super('NODE_NOT_FOUND', `Node ${pubkey} is not in the Lightning graph of ${graphDate}, and no live source knows it (asked: ${asked.join(', ')})`, { pubkey });
  }
}

/** The graph does not know the node and there is no live source to ask (404 naming what to configure). */
export class NoLiveSourceError extends DomainError {
  constructor(pubkey: string, graphDate: string, configuredBy: string[]) {
    super(
      'NODE_NOT_FOUND',
      `Node ${pubkey} is not in the Lightning graph of ${graphDate}, and no live source is configured to look it up: set ${configuredBy.join(', or ')}`,
      { pubkey },
    );
  }
}

/** A live source failed and no source that answered knows the node, with no earlier copy to serve (503). */
export class LiveSourcesFailedError extends DomainError {
  constructor(pubkey: string, graphDate: string, failures: string[]) {
    super('UPSTREAM_UNAVAILABLE', `Node ${pubkey} is not in the Lightning graph of ${graphDate} and the live sources could not be asked: ${failures.join('; ')}; retry later`, { pubkey });
  }
}
