import { serveWorkerTask } from '../../common/workers/worker-task';
import { ChannelCandidatesWorkerInput, ChannelEffectsPart, simulateChannelEffectsPart } from './channel-candidates';

serveWorkerTask<ChannelCandidatesWorkerInput, ChannelEffectsPart>(
  ({ ctx, v, candidates, part }) => simulateChannelEffectsPart(ctx, v, candidates, part),
  (out) => [out.betweennessGain.buffer as ArrayBuffer],
);
