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

/** The payment-flow model of the current graph is not ready: computing (with Retry-After), failed, or turned off (issue 24). */
export class FlowNotReadyError extends DomainError {
  constructor(reason: 'computing' | 'failed' | 'disabled' = 'computing', retryAfterSeconds?: number) {
    const message =
      reason === 'computing'
        ? 'The payment-flow model is still being computed for this graph; retry after Retry-After seconds'
        : reason === 'failed'
          ? 'The payment-flow model of this graph failed to compute; it is rebuilt with the next graph load'
          : 'The payment-flow model is turned off on this instance (FLOW_MODEL=false)';
    super('FLOW_NOT_READY', message, retryAfterSeconds !== undefined ? { retryAfterSeconds } : undefined);
  }
}

export class ChannelNotFoundError extends DomainError {
  /** `(pubkey, peer)` for the node's channel(s) to a peer, or one detail sentence. */
  constructor(pubkeyOrDetail: string, peer?: string) {
    super('CHANNEL_NOT_FOUND', peer === undefined ? pubkeyOrDetail : `Node ${pubkeyOrDetail} has no channel with ${peer} in the current graph`, peer === undefined ? undefined : { pubkey: pubkeyOrDetail, peer });
  }
}

/** A what-if the model cannot apply: a change to a channel the node does not have, a peer not in the graph, … */
export class InvalidWhatIfError extends DomainError {
  constructor(message: string, errors?: Array<{ field: string; message: string }>) {
    super('INVALID_WHAT_IF', message, errors ? { errors } : undefined);
  }
}
