import type { FlowModelView } from './flow-model.view';
import { buildFlowModel } from './flow-model.adapter';
import { FlowService } from './flow.service';
import type { GraphService, GraphState } from './graph.service';

jest.mock('./flow-model.adapter', () => ({ buildFlowModel: jest.fn() }));
const build = buildFlowModel as jest.MockedFunction<typeof buildFlowModel>;

/** A build the test finishes by hand: no wall-clock waits. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function graphsDouble(version: string) {
  let state = { graph: { meta: { version } } } as unknown as GraphState;
  const listeners: Array<(s: GraphState) => void> = [];
  const graphs = { isReady: true, current: () => state, onSwap: (l: (s: GraphState) => void) => listeners.push(l) } as unknown as GraphService;
  const swap = (v: string) => {
    state = { graph: { meta: { version: v } } } as unknown as GraphState;
    listeners.forEach((l) => l(state));
  };
  return { graphs, swap };
}

const modelOf = (graphVersion: string) => ({ graphVersion, paymentsPerRun: 1000, runs: 2, dispose: jest.fn(async () => undefined) }) as unknown as FlowModelView & { dispose: jest.Mock };

describe('FlowService', () => {
  beforeEach(() => build.mockReset());

  it('answers FLOW_NOT_READY with a Retry-After while building, then the model', async () => {
    const d = deferred<FlowModelView>();
    build.mockReturnValueOnce(d.promise);
    const { graphs } = graphsDouble('g1');
    const svc = new FlowService(graphs, { enabled: true, payments: 1000, runs: 2 }, { workers: 2 } as never);
    svc.onApplicationBootstrap();
    expect(build).toHaveBeenCalledWith(graphs.current().graph, { paymentsPerRun: 1000, runs: 2, workers: 2 });
    expect(svc.current()?.status).toBe('computing');
    let error: unknown;
    try {
      svc.readyModel();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'FLOW_NOT_READY', details: { retryAfterSeconds: expect.any(Number) } });
    const retry = (error as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    const model = modelOf('g1');
    d.resolve(model);
    expect((await svc.settled())?.status).toBe('ready');
    expect(svc.readyModel()).toBe(model);
  });

  it('says failed (no Retry-After) when the build fails', async () => {
    build.mockRejectedValueOnce(new Error('worker died'));
    const { graphs } = graphsDouble('g1');
    const svc = new FlowService(graphs, { enabled: true, payments: 1000, runs: 2 }, { workers: 2 } as never);
    svc.onApplicationBootstrap();
    expect(await svc.settled()).toMatchObject({ status: 'failed', error: 'worker died' });
    expect(() => svc.readyModel()).toThrow(expect.objectContaining({ code: 'FLOW_NOT_READY', details: undefined }));
  });

  it('builds nothing when turned off and says so', () => {
    const { graphs } = graphsDouble('g1');
    const svc = new FlowService(graphs, { enabled: false, payments: 1000, runs: 2 }, { workers: 2 } as never);
    svc.onApplicationBootstrap();
    expect(build).not.toHaveBeenCalled();
    expect(svc.current()?.status).toBe('disabled');
    expect(() => svc.readyModel()).toThrow(/turned off/);
  });

  it('replaces the model on a graph swap, releasing the old one and dropping a build overtaken by a newer graph', async () => {
    const first = deferred<FlowModelView>();
    const second = deferred<FlowModelView>();
    const third = deferred<FlowModelView>();
    build.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise).mockReturnValueOnce(third.promise);
    const { graphs, swap } = graphsDouble('g1');
    const svc = new FlowService(graphs, { enabled: true, payments: 1000, runs: 2 }, { workers: 2 } as never);
    svc.onApplicationBootstrap();
    const m1 = modelOf('g1');
    first.resolve(m1);
    await svc.settled();
    swap('g2');
    expect(m1.dispose).toHaveBeenCalled();
    expect(svc.current()?.status).toBe('computing');
    swap('g3');
    const m2 = modelOf('g2');
    second.resolve(m2);
    const m3 = modelOf('g3');
    third.resolve(m3);
    await svc.settled();
    await m2.dispose.mock.results[0]?.value;
    expect(m2.dispose).toHaveBeenCalled();
    expect(svc.readyModel()).toBe(m3);
  });
});
