import { DomainError } from '../../common/errors/domain.error';

/** A snapshot file that cannot be read as a Lightning graph; boot stops on it. */
export class GraphFormatError extends DomainError {
  constructor(file: string, detail: string) {
    super('GRAPH_SNAPSHOT_INVALID', `Graph snapshot ${file}: ${detail}`);
  }
}
