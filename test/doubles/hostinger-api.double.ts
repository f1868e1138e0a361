import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { load as parseYaml } from 'js-yaml';

/**
 * A local stand-in for the parts of the Hostinger public API that scripts/deploy-hostinger.sh uses (VPS, Docker
 * Manager, actions), shaped after the published OpenAPI spec (hostinger/api, v1.42.5): bearer-token auth, bare-array
 * lists, ActionResource/ProjectResource/ContainerResource/ContentResource bodies, 401/422 with `message` and
 * `correlation_id`. A compose project is "run" by starting, for each service whose image is in `releases`, a local
 * process (the real app), and probing its health like a Docker HEALTHCHECK. Other images (redis, caddy) are
 * reported as running. What the real API does where the spec is silent (status for a missing project, when an
 * action turns `success`) is a guess here, and the script does not rely on it.
 */

export interface HostingerRelease {
  /** Executable and arguments that run this image locally. */
  command: string[];
  cwd?: string;
  /** Environment only this image gets (e.g. a setting that breaks it). */
  env?: Record<string, string>;
}

export interface HostingerApiDoubleOptions {
  token: string;
  vm: { id: number; hostname: string };
  /** Images the double can run. */
  releases: Record<string, HostingerRelease>;
  /** Host port that container port 8000 of a runnable service is published on (given to the process as PORT). */
  appPort: number;
  /** Values replaced in service environments, e.g. the compose URL redis://redis:6379 → a local Redis. */
  rewrite?: Record<string, string>;
  /** Docker HEALTHCHECK stand-in: probe interval and the failures that make a healthy container unhealthy. */
  healthIntervalMs?: number;
  healthRetries?: number;
}

type ActionState = 'created' | 'sent' | 'delayed' | 'success' | 'error';
interface Action {
  id: number;
  name: string;
  state: ActionState;
  created_at: string;
  updated_at: string;
}

interface Container {
  service: string;
  name: string;
  image: string;
  /** The service's environment from the compose file. */
  env: Record<string, string>;
  proc: ChildProcess | null;
  state: 'created' | 'running' | 'exited';
  health: '' | 'starting' | 'healthy' | 'unhealthy';
  hasHealthcheck: boolean;
  failures: number;
  startedAt: number;
  log: Array<{ timestamp: string; line: string }>;
}

interface Project {
  name: string;
  content: string;
  environment: string | null;
  containers: Container[];
}

interface ComposeService {
  image?: string;
  environment?: Record<string, string | number | boolean> | string[];
  healthcheck?: unknown;
}

export interface RecordedCall {
  method: string;
  path: string;
  body?: unknown;
}

const PROJECT_NAME = /^[A-Za-z0-9_-]{3,64}$/;
const MAX_CONTENT = 8192;

export class HostingerApiDouble {
  readonly calls: RecordedCall[] = [];
  private readonly projects = new Map<string, Project>();
  private readonly actions = new Map<number, Action>();
  private nextActionId = 8_123_700;
  private busy = 0;
  private server: Server | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private baseUrl = '';

  constructor(private readonly opts: HostingerApiDoubleOptions) {}

  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.healthTimer = setInterval(() => void this.probeHealth(), this.opts.healthIntervalMs ?? 300);
    return this.baseUrl;
  }

  async close(): Promise<void> {
    if (this.healthTimer) clearInterval(this.healthTimer);
    for (const project of this.projects.values()) await this.stopContainers(project);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Image of the running container that runs a known release in `project`, if any. */
  runningRelease(project: string): string | null {
    const c = this.projects.get(project)?.containers.find((x) => x.proc !== null && x.state === 'running');
    return c ? c.image : null;
  }

  content(project: string): string | null {
    return this.projects.get(project)?.content ?? null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0];
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return this.send(res, 422, { message: 'The request body must be JSON.', correlation_id: randomUUID() });
    }
    this.calls.push({ method, path, body });
    if (req.headers.authorization !== `Bearer ${this.opts.token}`) return this.send(res, 401, { message: 'Unauthenticated', correlation_id: randomUUID() });

    const vmBase = '/api/vps/v1/virtual-machines';
    if (method === 'GET' && path === vmBase) return this.send(res, 200, [this.vm()]);
    const m = new RegExp(`^${vmBase}/(\\d+)(/.*)?$`).exec(path);
    if (!m) return this.notFound(res);
    if (Number(m[1]) !== this.opts.vm.id) return this.send(res, 404, { message: 'Virtual machine not found', correlation_id: randomUUID() });
    const rest = m[2] ?? '';
    if (method === 'GET' && rest === '') return this.send(res, 200, this.vm());
    if (method === 'GET' && rest === '/docker') return this.send(res, 200, [...this.projects.values()].map((p) => this.projectResource(p)));
    if (method === 'POST' && rest === '/docker') return this.up(res, body);
    const action = /^\/actions\/(\d+)$/.exec(rest);
    if (method === 'GET' && action) {
      const a = this.actions.get(Number(action[1]));
      return a ? this.send(res, 200, a) : this.notFound(res);
    }
    const docker = /^\/docker\/([^/]+)(\/containers|\/logs|\/start|\/stop|\/restart|\/update|\/down)?$/.exec(rest);
    if (!docker) return this.notFound(res);
    const project = this.projects.get(docker[1]);
    if (!project) return this.send(res, 404, { message: 'Project not found', correlation_id: randomUUID() });
    const op = docker[2] ?? '';
    if (method === 'GET' && op === '') return this.send(res, 200, { content: project.content, environment: project.environment });
    if (method === 'GET' && op === '/containers') return this.send(res, 200, project.containers.map((c) => this.containerResource(c)));
    if (method === 'GET' && op === '/logs') {
      return this.send(res, 200, project.containers.map((c) => ({ service: c.service, entries: c.log.slice(-300) })));
    }
    if (method === 'POST' && op === '/stop') return this.send(res, 200, this.runAction('docker_compose_stop', () => this.stopContainers(project)));
    if (method === 'POST' && op === '/start') return this.send(res, 200, this.runAction('docker_compose_start', () => this.startContainers(project)));
    if (method === 'DELETE' && op === '/down') {
      return this.send(
        res,
        200,
        this.runAction('docker_compose_down', async () => {
          await this.stopContainers(project);
          this.projects.delete(project.name);
        }),
      );
    }
    return this.notFound(res);
  }

  /** POST .../docker: validates like the spec (UpRequest), then replaces the project with the same name. */
  private up(res: ServerResponse, body: unknown): void {
    const b = (body ?? {}) as { project_name?: unknown; content?: unknown; environment?: unknown };
    const errors: Record<string, string[]> = {};
    if (typeof b.project_name !== 'string' || !PROJECT_NAME.test(b.project_name)) errors.project_name = ['The project name field format is invalid.'];
    if (typeof b.content !== 'string' || b.content.length === 0) errors.content = ['The content field is required.'];
    else if (b.content.length > MAX_CONTENT) errors.content = [`The content field must not be greater than ${MAX_CONTENT} characters.`];
    if (b.environment !== undefined && b.environment !== null && (typeof b.environment !== 'string' || b.environment.length > MAX_CONTENT)) {
      errors.environment = ['The environment field must be a string of at most 8192 characters.'];
    }
    if (Object.keys(errors).length > 0) {
      const first = Object.values(errors)[0][0];
      return this.send(res, 422, { message: first, errors, correlation_id: randomUUID() });
    }
    const name = b.project_name as string;
    const content = b.content as string;
    const environment = (b.environment as string | null | undefined) ?? null;
    const action = this.runAction('docker_compose_up', async () => {
      const services = this.parseCompose(content);
      const old = this.projects.get(name);
      if (old) await this.stopContainers(old);
      const project: Project = { name, content, environment, containers: services.map(([service, def]) => this.container(name, service, def)) };
      this.projects.set(name, project);
      await this.startContainers(project);
    });
    this.send(res, 200, action);
  }

  private parseCompose(content: string): Array<[string, ComposeService]> {
    const doc = parseYaml(content) as { services?: Record<string, ComposeService> } | null;
    if (!doc?.services || typeof doc.services !== 'object') throw new Error('compose file without services');
    return Object.entries(doc.services);
  }

  private container(project: string, service: string, def: ComposeService): Container {
    if (typeof def.image !== 'string') throw new Error(`service ${service} has no image (building is not supported)`);
    return {
      service,
      name: `${project}-${service}-1`,
      image: def.image,
      env: this.serviceEnv(def),
      proc: null,
      state: 'created',
      health: '',
      hasHealthcheck: def.healthcheck !== undefined,
      failures: 0,
      startedAt: 0,
      log: [],
    };
  }

  /** The service's environment as Compose would give it: `$$` → `$`, then the test's rewrites. */
  private serviceEnv(def: ComposeService): Record<string, string> {
    const entries = Array.isArray(def.environment)
      ? def.environment.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])
      : Object.entries(def.environment ?? {}).map(([k, v]) => [k, String(v)]);
    return Object.fromEntries(entries.map(([k, v]) => [k, this.opts.rewrite?.[v.replace(/\$\$/g, '$')] ?? v.replace(/\$\$/g, '$')]));
  }

  private async startContainers(project: Project): Promise<void> {
    for (const c of project.containers) {
      const release = this.opts.releases[c.image];
      c.startedAt = Date.now();
      c.failures = 0;
      if (!release) {
        // Images the double cannot run (redis, caddy) are reported as up, healthy when they declare a healthcheck.
        c.state = 'running';
        c.health = c.hasHealthcheck ? 'healthy' : '';
        continue;
      }
      const env = { PATH: process.env.PATH ?? '', ...c.env, PORT: String(this.opts.appPort), ...release.env };
      const proc = spawn(release.command[0], release.command.slice(1), { cwd: release.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const capture = (d: Buffer) => {
        for (const line of d.toString('utf8').split('\n').filter(Boolean)) c.log.push({ timestamp: new Date().toISOString(), line });
      };
      proc.stdout!.on('data', capture);
      proc.stderr!.on('data', capture);
      proc.once('exit', () => {
        if (c.proc === proc) c.state = 'exited';
      });
      c.proc = proc;
      c.state = 'running';
      c.health = c.hasHealthcheck ? 'starting' : '';
    }
  }

  private async stopContainers(project: Project): Promise<void> {
    await Promise.all(
      project.containers.map(async (c) => {
        const proc = c.proc;
        c.state = 'exited';
        if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        proc.kill('SIGTERM');
        const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }),
    );
  }

  /** Docker HEALTHCHECK stand-in for the processes the double runs. */
  private async probeHealth(): Promise<void> {
    const retries = this.opts.healthRetries ?? 3;
    for (const project of this.projects.values()) {
      for (const c of project.containers) {
        if (!c.proc || c.state !== 'running' || !c.hasHealthcheck) continue;
        const ok = await fetch(`http://127.0.0.1:${this.opts.appPort}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (c.state !== 'running') continue;
        if (ok) {
          c.health = 'healthy';
          c.failures = 0;
        } else if (c.health === 'healthy' && ++c.failures >= retries) {
          c.health = 'unhealthy';
        }
      }
    }
  }

  private runAction(name: string, work: () => Promise<void>): Action {
    const now = new Date().toISOString();
    const action: Action = { id: this.nextActionId++, name, state: 'created', created_at: now, updated_at: now };
    this.actions.set(action.id, action);
    this.busy++;
    setTimeout(() => {
      action.state = 'sent';
      work().then(
        () => this.finish(action, 'success'),
        () => this.finish(action, 'error'),
      );
    }, 50);
    return { ...action };
  }

  private finish(action: Action, state: ActionState): void {
    action.state = state;
    action.updated_at = new Date().toISOString();
    this.busy--;
  }

  private vm() {
    const { id, hostname } = this.opts.vm;
    return { id, hostname, state: 'running', actions_lock: this.busy > 0 ? 'locked' : 'unlocked', plan: 'KVM 2', cpus: 2, memory: 8192 };
  }

  private projectResource(p: Project) {
    const running = p.containers.filter((c) => c.state === 'running').length;
    const state = running === p.containers.length ? 'running' : running === 0 ? 'stopped' : 'mixed';
    return { name: p.name, status: `running(${running})`, state, path: `/docker/${p.name}/docker-compose.yaml`, containers: p.containers.map((c) => this.containerResource(c)) };
  }

  private containerResource(c: Container) {
    const up = Math.round((Date.now() - c.startedAt) / 1000);
    return {
      id: Buffer.from(c.name).toString('hex').slice(0, 12),
      name: c.name,
      image: c.image,
      command: c.service,
      status: c.state === 'running' ? `Up ${up} seconds` : 'Exited',
      state: c.state,
      health: c.health,
      ports: [],
    };
  }

  private notFound(res: ServerResponse): void {
    this.send(res, 404, { message: 'Not found', correlation_id: randomUUID() });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  }
}
