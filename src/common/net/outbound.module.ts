import { Module } from '@nestjs/common';
import { HOST_RESOLVER, systemResolver } from './host-resolver';
import { WebhookTargetService } from './webhook-target.service';

/** Server-side requests to URLs that clients or operators chose (webhooks), and the rules that bound them. */
@Module({
  providers: [{ provide: HOST_RESOLVER, useValue: systemResolver }, WebhookTargetService],
  exports: [WebhookTargetService],
})
export class OutboundModule {}
