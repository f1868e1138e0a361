import { QueryFlag } from '../../common/validation/decorators';

export class NodeInfoQuery {
  @QueryFlag('Add the node’s history from the older embedded snapshots (2024-09-22, 2021-04-16) and the change since each', false)
  include_historical?: boolean;

  @QueryFlag('false skips the cache read and refreshes the cached entry', true)
  use_cache?: boolean;
}
