/**
 * Every error code the service can answer with. Domain code throws these; only
 * {@link ProblemDetailsFilter} knows which HTTP status each one becomes.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NODE_NOT_FOUND'
  | 'JOB_NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'GRAPH_NOT_READY'
  | 'ANALYTICS_NOT_READY'
  | 'FLOW_NOT_READY'
  | 'CHANNEL_NOT_FOUND'
  | 'INVALID_WHAT_IF'
  | 'GRAPH_SNAPSHOT_INVALID'
  | 'UPSTREAM_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HEADERS_TOO_LARGE'
  | 'REQUEST_TIMEOUT'
  | 'SERVER_BUSY'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'UNAUTHORIZED'
  | 'INTERNAL_ERROR';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NodeNotFoundError extends DomainError {
  constructor(pubkey: string, graphDate: string) {
    super('NODE_NOT_FOUND', `Node ${pubkey} is not in the Lightning graph of ${graphDate}`, { pubkey });
  }
}

export class GraphNotReadyError extends DomainError {
  constructor() {
    super('GRAPH_NOT_READY', 'The Lightning graph is still loading; retry in a few seconds');
  }
}

export class AnalyticsNotReadyError extends DomainError {
  constructor() {
    super('ANALYTICS_NOT_READY', 'Network centralities are still being computed for this graph; retry in a few seconds');
  }
}

/** The payment-flow model of the current graph is still being computed (issue 24). */
export class FlowNotReadyError extends DomainError {
  constructor() {
    super('FLOW_NOT_READY', 'The payment-flow model is still being computed for this graph; retry in a few seconds');
  }
}

export class ChannelNotFoundError extends DomainError {
  constructor(detail: string) {
    super('CHANNEL_NOT_FOUND', detail);
  }
}

/** A what-if that cannot be applied (unknown peer, a channel of another node, an impossible value). */
export class InvalidWhatIfError extends DomainError {
  constructor(detail: string) {
    super('INVALID_WHAT_IF', detail);
  }
}
