import { IsNodePubkey } from '../../common/validation/decorators';

export class NodePubkeyParams {
  @IsNodePubkey()
  pubkey!: string;
}
