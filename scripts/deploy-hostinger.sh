#!/usr/bin/env bash
# Deploys one release (an image already pushed to a registry) of ln-node-intelligence to a Hostinger VPS through the
# Hostinger API (VPS Docker Manager), waits for it to be healthy, and rolls back to the release that was serving
# before when it is not healthy in time. Every step is printed; secrets never are. Guide: docs/DEPLOYING.md.
#
# Required:  HOSTINGER_API_TOKEN  HOSTINGER_DOMAIN  RELEASE_IMAGE (name:tag, never :latest)  API_KEYS  SECRET_KEY
# Optional:  HOSTINGER_VM_ID (found from the domain when unset)  HOSTINGER_PROJECT (ln-node-intelligence)
#            HOSTINGER_API_URL (https://developers.hostinger.com)  HEALTH_URL (https://$HOSTINGER_DOMAIN/api/v1/health)
#            DEPLOY_PROXY (caddy | none)  DEPLOY_TIMEOUT (300 s)  DEPLOY_ACTION_TIMEOUT (300 s)  DEPLOY_POLL_INTERVAL (5 s)
#            DEPLOY_HEALTH_PASSES (3)  DEPLOY_ACCEPT_DEGRADED (0)  APP_PUBLISH_PORT (8000, with DEPLOY_PROXY=none)
#            and any application variable listed in APP_VARIABLES below, passed on to the container.
# Exit:      0 deployed and healthy | 1 refused before deploying | 2 release unhealthy, rolled back, previous release
#            healthy | 3 release unhealthy and no healthy release left (first deploy stopped, or rollback failed)
set -Eeuo pipefail

API_URL=${HOSTINGER_API_URL:-https://developers.hostinger.com}
API_URL=${API_URL%/}
PROJECT=${HOSTINGER_PROJECT:-ln-node-intelligence}
PROXY=${DEPLOY_PROXY:-caddy}
DEPLOY_TIMEOUT=${DEPLOY_TIMEOUT:-300}
ACTION_TIMEOUT=${DEPLOY_ACTION_TIMEOUT:-300}
POLL=${DEPLOY_POLL_INTERVAL:-5}
PASSES=${DEPLOY_HEALTH_PASSES:-3}
ACCEPT_DEGRADED=${DEPLOY_ACCEPT_DEGRADED:-0}
APP_PUBLISH_PORT=${APP_PUBLISH_PORT:-8000}
# Application settings forwarded to the container when set here (values are never printed).
APP_VARIABLES=(ENVIRONMENT LOG_LEVEL WORKERS API_KEYS SECRET_KEY ALLOWED_HOSTS CORS_ORIGINS TRUST_PROXY ALERT_WEBHOOK_URL
  RATE_LIMIT_PER_MINUTE RATE_LIMIT_EXPENSIVE_PER_MINUTE RATE_LIMIT_EDGE_PER_MINUTE RECOMMENDATIONS_QUEUE_MAX SHUTDOWN_TIMEOUT_MS UPSTREAM_TIMEOUT_MS CACHE_TTL CACHE_NAMESPACE
  OPENAI_API_KEY OPENAI_MODEL OPENAI_BASE_URL OPENAI_TIMEOUT_MS OPENAI_DAILY_TOKEN_BUDGET DEFAULT_LANGUAGE
  ONCHAIN_FEE_RATE_SAT_VB SPARKSEER_API_KEY SPARKSEER_BASE_URL SPARKSEER_NODE_PUBKEY LNBITS_URL LNBITS_API_KEY
  MEMPOOL_BASE_URL LND_REST_URL LND_MACAROON_HEX GRAPH_SOURCE GRAPH_REFRESH_INTERVAL APP_ROLE BULK_INLINE_MAX
  BULK_CHUNK_SIZE BULK_WORKER_CONCURRENCY BULK_RESULT_TTL BULK_STALLED_INTERVAL_MS)
# Limits of the Docker Manager create request (spec: content and environment at most 8192 characters each).
readonly MAX_CONTENT=8192

STEP=0
WORK=''
VM_ID=''
PREVIOUS_IMAGE=''

step() { STEP=$((STEP + 1)); printf '\n==> [%s] %s\n' "$STEP" "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf '    WARNING: %s\n' "$*" >&2; }
die() { printf '\nERROR: %s\n' "$1" >&2; exit "${2:-1}"; }
cleanup() { [[ -n $WORK ]] && rm -rf "$WORK"; return 0; }
trap cleanup EXIT

# jget FILE EXPR [ARG...]: evaluates a JavaScript expression over the JSON in FILE (as `d`, extra arguments as
# `a[0]`, `a[1]`...) and prints it: strings raw, other values as JSON, nothing for null/undefined.
jget() {
  node -e '
    const fs = require("fs");
    const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    const v = new Function("d", "a", "return (" + process.argv[2] + ");")(d, process.argv.slice(3));
    if (v !== undefined && v !== null) process.stdout.write(typeof v === "string" ? v : JSON.stringify(v));
  ' "$@"
}

# api METHOD PATH [BODY_FILE]: one Hostinger API call; the answer is left in $WORK/response.json. 429, 5xx and
# network errors are retried with backoff; any other non-2xx answer is reported (message or error field, and the
# correlation_id support asks for) and returns 1.
api() {
  local method=$1 path=$2 body=${3:-} attempt status=000
  local -a args=(-sS -X "$method" -H "@$WORK/auth" -H 'Accept: application/json' -H 'Content-Type: application/json'
    -o "$WORK/response.json" -w '%{http_code}' --connect-timeout 10 --max-time 60)
  [[ -n $body ]] && args+=(--data-binary "@$body")
  for attempt in 1 2 3 4; do
    : >"$WORK/response.json"
    status=$(curl "${args[@]}" "$API_URL$path" 2>"$WORK/curl.err") || status=000
    case $status in
      2??) return 0 ;;
      429 | 5?? | 000)
        if ((attempt < 4)); then
          warn "$method $path answered HTTP $status; retrying in $((attempt * attempt * 2)) s"
          sleep $((attempt * attempt * 2))
          continue
        fi
        ;;
    esac
    break
  done
  local detail=''
  if [[ $status == 000 ]]; then
    detail=$(tr '\n' ' ' <"$WORK/curl.err")
  elif [[ -s $WORK/response.json ]]; then
    # The spec's prose says `error`, its schemas say `message`: read both.
    detail=$(jget "$WORK/response.json" '[d.message ?? d.error, d.correlation_id && "correlation_id " + d.correlation_id].filter(Boolean).join("; ")' 2>/dev/null || true)
  fi
  printf '    API call failed: %s %s -> HTTP %s%s\n' "$method" "$path" "$status" "${detail:+ ($detail)}" >&2
  return 1
}

vm_path() { printf '/api/vps/v1/virtual-machines/%s%s' "$VM_ID" "${1:-}"; }

check_prerequisites() {
  step "Checking prerequisites"
  local missing=() name
  for name in curl node; do command -v "$name" >/dev/null 2>&1 || missing+=("$name"); done
  ((${#missing[@]} == 0)) || die "missing commands: ${missing[*]} (install them, then run again)"
  for name in HOSTINGER_API_TOKEN HOSTINGER_DOMAIN RELEASE_IMAGE API_KEYS SECRET_KEY; do
    [[ -n ${!name:-} ]] || missing+=("$name")
  done
  ((${#missing[@]} == 0)) || die "missing variables: ${missing[*]} (see docs/DEPLOYING.md)"
  [[ $HOSTINGER_DOMAIN =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]+)?$ ]] || die "HOSTINGER_DOMAIN must be a host name such as api.example.org"
  [[ $PROJECT =~ ^[A-Za-z0-9_-]{3,64}$ ]] || die "HOSTINGER_PROJECT must be 3-64 letters, digits, - or _"
  # An immutable tag (or digest) is what makes a rollback mean something; :latest would move under our feet.
  [[ $RELEASE_IMAGE =~ ^[a-z0-9][a-z0-9._/:-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})$ && ! $RELEASE_IMAGE =~ /[^/]*:[0-9]+$ ]] ||
    die "RELEASE_IMAGE must name an image with a tag or digest, e.g. ghcr.io/acme/ln-node-intelligence:3f2c1ab"
  [[ $RELEASE_IMAGE != *:latest ]] || die "RELEASE_IMAGE must not use :latest: deploy an immutable tag (the git sha) so a rollback can return to it"
  [[ $API_KEYS =~ ^[^,[:space:]]{16,}(,[^,[:space:]]{16,})*$ ]] || die "API_KEYS must be comma-separated keys of at least 16 characters, no spaces"
  ((${#SECRET_KEY} >= 16)) || die "SECRET_KEY must be at least 16 characters"
  [[ $PROXY == caddy || $PROXY == none ]] || die "DEPLOY_PROXY must be caddy or none"
  for name in DEPLOY_TIMEOUT ACTION_TIMEOUT PASSES APP_PUBLISH_PORT; do
    [[ ${!name} =~ ^[1-9][0-9]*$ ]] || die "$name must be a positive whole number"
  done
  [[ $POLL =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "DEPLOY_POLL_INTERVAL must be a number of seconds"
  [[ $API_URL =~ ^https:// || ${HOSTINGER_API_URL:-} =~ ^http://(127\.0\.0\.1|localhost)[:/] ]] || die "HOSTINGER_API_URL must be https (plain http only for a local test double)"

  # Production defaults for the container; anything set in the environment wins.
  export ENVIRONMENT=${ENVIRONMENT:-production}
  export ALLOWED_HOSTS=${ALLOWED_HOSTS:-${HOSTINGER_DOMAIN%:*}}
  if [[ $PROXY == caddy ]]; then export TRUST_PROXY=${TRUST_PROXY:-1}; else export TRUST_PROXY=${TRUST_PROXY:-false}; fi
  HEALTH_URL=${HEALTH_URL:-https://$HOSTINGER_DOMAIN/api/v1/health}

  WORK=$(mktemp -d)
  chmod 700 "$WORK"
  # The token goes to curl from a file, never on a command line another user could read in `ps`.
  (umask 077 && printf 'Authorization: Bearer %s\n' "$HOSTINGER_API_TOKEN" >"$WORK/auth")
  info "$(curl --version | head -n 1 | cut -d' ' -f1-2), node $(node --version)"
  info "release $RELEASE_IMAGE -> project $PROJECT, served at $HOSTINGER_DOMAIN (proxy: $PROXY)"
  info "health gate: $HEALTH_URL, within ${DEPLOY_TIMEOUT} s, $PASSES passes in a row"
}

check_vps() {
  step "Checking the API token and the VPS"
  if [[ -n ${HOSTINGER_VM_ID:-} ]]; then
    [[ $HOSTINGER_VM_ID =~ ^[0-9]+$ ]] || die "HOSTINGER_VM_ID must be a number"
    VM_ID=$HOSTINGER_VM_ID
  else
    api GET /api/vps/v1/virtual-machines || die "could not list the VPSs: check HOSTINGER_API_TOKEN"
    # The VPS whose hostname is the domain; or the only VPS of the account.
    VM_ID=$(jget "$WORK/response.json" '((v) => v.length === 1 ? v[0].id : (v.find((m) => m.hostname === a[0]) || {}).id)(Array.isArray(d) ? d : d.data || [])' "${HOSTINGER_DOMAIN%:*}")
    [[ -n $VM_ID ]] || die "several VPSs and none has the hostname ${HOSTINGER_DOMAIN%:*}: set HOSTINGER_VM_ID ($(jget "$WORK/response.json" '(Array.isArray(d) ? d : d.data || []).map((m) => m.id + "=" + m.hostname).join(", ")'))"
  fi
  api GET "$(vm_path)" || die "VPS $VM_ID is not reachable with this token"
  local state lock
  state=$(jget "$WORK/response.json" 'd.state')
  lock=$(jget "$WORK/response.json" 'd.actions_lock')
  info "VPS $VM_ID ($(jget "$WORK/response.json" 'd.hostname')): state $state, actions $lock"
  [[ $state == running ]] || die "VPS $VM_ID is $state, not running"
  [[ $lock != locked ]] || die "VPS $VM_ID is busy with another action (actions_lock=locked); retry when it is done"
}

save_previous_release() {
  step "Saving the release serving now (the rollback target)"
  api GET "$(vm_path /docker)" || die "could not list the Docker projects of VPS $VM_ID"
  # The list says whether the project exists; what GET .../docker/{name} answers for a missing one is not documented.
  if [[ $(jget "$WORK/response.json" '(Array.isArray(d) ? d : d.data || []).some((p) => p.name === a[0])' "$PROJECT") != true ]]; then
    info "project $PROJECT does not exist yet: first deploy, nothing to roll back to"
    return 0
  fi
  api GET "$(vm_path "/docker/$PROJECT")" || die "could not read the current contents of project $PROJECT"
  (umask 077 && cp "$WORK/response.json" "$WORK/previous.json")
  PREVIOUS_IMAGE=$(release_image_in "$WORK/previous.json")
  info "saved the compose file and environment of project $PROJECT (release ${PREVIOUS_IMAGE:-not identified})"
}

# release_image_in FILE: the image of the app service in a saved project (ContentResource), matched by repository.
release_image_in() {
  local repo=${RELEASE_IMAGE%@*}
  [[ $repo == "$RELEASE_IMAGE" ]] && repo=${RELEASE_IMAGE%:*}
  jget "$1" '((String(d.content || "").match(/^\s*image:\s*["\x27]?(\S+?)["\x27]?\s*$/gm) || []).map((l) => l.replace(/^\s*image:\s*["\x27]?/, "").replace(/["\x27]?\s*$/, "")).find((i) => i.startsWith(a[0] + ":") || i.startsWith(a[0] + "@")))' "$repo"
}

# render_compose OUT: the compose file of this release (app, a cache Redis that may evict, a queue Redis that never
# evicts and keeps an append-only file, as in docker-compose.yml, and Caddy for TLS unless DEPLOY_PROXY=none),
# with the application variables written into the app service itself. Not documented by Hostinger, so not relied on:
# whether the request's `environment` field is written to a .env file the services read (the spec only says "project
# environment variables"). Inlining them makes the compose content alone the whole release, which is also exactly
# what GET .../docker/{name} returns and a rollback re-posts. Also unconfirmed: private registry pulls (use a public
# image or log the VPS in to the registry beforehand) and whether a replaced project keeps its named volumes.
render_compose() {
  local name out=$1 forwarded=()
  for name in "${APP_VARIABLES[@]}"; do
    if [[ -n ${!name:-} ]]; then forwarded+=("$name"); fi
  done
  info "application variables passed on: ${forwarded[*]}"
  RELEASE_IMAGE=$RELEASE_IMAGE DOMAIN=${HOSTINGER_DOMAIN%:*} PROXY=$PROXY PUBLISH=$APP_PUBLISH_PORT FORWARDED="${forwarded[*]}" node -e '
    const e = process.env;
    // JSON strings are valid YAML double-quoted scalars; "$" is doubled so Compose does not interpolate it.
    const q = (v) => JSON.stringify(String(v)).split("$").join("$$");
    const env = e.FORWARDED.split(" ").filter(Boolean).map((k) => "      " + k + ": " + q(e[k]));
    const probe = "fetch(\"http://127.0.0.1:8000/api/v1/health\").then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))";
    const lines = [
      "services:",
      "  app:",
      "    image: " + q(e.RELEASE_IMAGE),
      "    init: true",
      "    restart: unless-stopped",
      "    environment:",
      "      PORT: \"8000\"",
      "      REDIS_URL: \"redis://redis:6379\"",
      "      QUEUE_REDIS_URL: \"redis://queue-redis:6379\"",
      ...env,
      ...(e.PROXY === "none" ? ["    ports:", "      - \"" + e.PUBLISH + ":8000\""] : ["    expose:", "      - \"8000\""]),
      "    depends_on:",
      "      redis:",
      "        condition: service_healthy",
      "      queue-redis:",
      "        condition: service_healthy",
      "    healthcheck:",
      "      test: [\"CMD\", \"node\", \"-e\", " + q(probe) + "]",
      "      interval: 30s",
      "      timeout: 10s",
      "      retries: 3",
      "      start_period: 60s",
      "    stop_grace_period: 15s",
      "    security_opt:",
      "      - \"no-new-privileges:true\"",
      "  redis:",
      "    image: \"redis:7-alpine\"",
      "    restart: unless-stopped",
      "    command: [\"redis-server\", \"--save\", \"\", \"--appendonly\", \"no\", \"--maxmemory\", \"256mb\", \"--maxmemory-policy\", \"allkeys-lru\"]",
      "    healthcheck:",
      "      test: [\"CMD\", \"redis-cli\", \"ping\"]",
      "      interval: 10s",
      "      timeout: 3s",
      "      retries: 5",
      "  queue-redis:",
      "    image: \"redis:7-alpine\"",
      "    restart: unless-stopped",
      "    command: [\"redis-server\", \"--appendonly\", \"yes\", \"--appendfsync\", \"everysec\", \"--maxmemory\", \"1gb\", \"--maxmemory-policy\", \"noeviction\"]",
      "    volumes:",
      "      - \"queue_redis_data:/data\"",
      "    healthcheck:",
      "      test: [\"CMD\", \"redis-cli\", \"ping\"]",
      "      interval: 10s",
      "      timeout: 3s",
      "      retries: 5",
    ];
    const volumes = ["volumes:", "  queue_redis_data: {}"];
    if (e.PROXY === "caddy") {
      lines.push(
        "  proxy:",
        "    image: \"caddy:2\"",
        "    restart: unless-stopped",
        "    command: [\"caddy\", \"reverse-proxy\", \"--from\", " + q(e.DOMAIN) + ", \"--to\", \"app:8000\"]",
        "    ports:",
        "      - \"80:80\"",
        "      - \"443:443\"",
        "    volumes:",
        "      - \"caddy_data:/data\"",
        "      - \"caddy_config:/config\"",
        "    depends_on:",
        "      - app",
      );
      volumes.push("  caddy_data: {}", "  caddy_config: {}");
    }
    process.stdout.write([...lines, ...volumes].join("\n") + "\n");
  ' >"$out"
  local size
  size=$(wc -c <"$out")
  ((size <= MAX_CONTENT)) || die "the compose file is $size characters; the Docker Manager accepts at most $MAX_CONTENT"
}

# post_project CONTENT_FILE ENVIRONMENT_JSON_FILE|'': creates or replaces the project; prints nothing, sets ACTION_ID.
post_project() {
  local content=$1 environment=${2:-}
  (umask 077 && PROJECT=$PROJECT node -e '
    const fs = require("fs");
    const body = { project_name: process.env.PROJECT, content: fs.readFileSync(process.argv[1], "utf8") };
    if (process.argv[2]) {
      const saved = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
      if (saved.environment) body.environment = saved.environment;
    }
    process.stdout.write(JSON.stringify(body));
  ' "$content" "$environment" >"$WORK/request.json")
  api POST "$(vm_path /docker)" "$WORK/request.json" || return 1
  ACTION_ID=$(jget "$WORK/response.json" 'd.id')
  [[ -n $ACTION_ID ]] || { printf '    the API answered no action id\n' >&2; return 1; }
}

# wait_action ID: polls the action until success or error (ActionResource.state), within DEPLOY_ACTION_TIMEOUT.
wait_action() {
  local id=$1 deadline=$((SECONDS + ACTION_TIMEOUT)) state=''
  while ((SECONDS < deadline)); do
    if api GET "$(vm_path "/actions/$id")"; then
      state=$(jget "$WORK/response.json" 'd.state')
      case $state in
        success) info "action $id: success"; return 0 ;;
        error) info "action $id: error"; return 1 ;;
      esac
    fi
    info "action $id: ${state:-unknown}, waiting"
    sleep "$POLL"
  done
  info "action $id did not finish within ${ACTION_TIMEOUT} s"
  return 1
}

# container_verdict FILE IMAGE: reads GET .../containers and prints pass, wait:<why> or fail:<why> for the containers
# running IMAGE (all containers when IMAGE is empty). Relies on the spec's ContainerResource: `image` as written in
# the compose file, `state` (running, exited, dead...) and `health` (starting, healthy, unhealthy, "" = no healthcheck).
container_verdict() {
  jget "$1" '((all) => {
    const mine = a[0] ? all.filter((c) => c.image === a[0]) : all;
    if (mine.length === 0) return "wait:no container runs " + (a[0] || "yet");
    const show = (c) => c.name + " " + c.state + "/" + (c.health || "no healthcheck");
    const broken = mine.find((c) => ["exited", "dead"].includes(c.state) || c.health === "unhealthy");
    if (broken) return "fail:" + show(broken);
    if (a[0] && mine.some((c) => c.state === "running" && c.health === "")) return "fail:" + show(mine[0]) + " (the compose healthcheck is missing)";
    if (mine.every((c) => c.state === "running" && (c.health === "healthy" || (!a[0] && c.health === "")))) return "pass";
    return "wait:" + mine.map(show).join(", ");
  })(Array.isArray(d) ? d : d.data || [])' "$2"
}

# public_health: one GET of HEALTH_URL from here (through DNS, firewall and proxy); 200 and status healthy passes.
public_health() {
  local status body_status
  status=$(curl -sS -o "$WORK/health.json" -w '%{http_code}' --connect-timeout 5 --max-time 10 "$HEALTH_URL" 2>/dev/null) || status=000
  body_status=''
  if [[ $status == 200 ]]; then body_status=$(jget "$WORK/health.json" 'd.status' 2>/dev/null || true); fi
  if [[ $status == 200 && ($body_status == healthy || ($ACCEPT_DEGRADED == 1 && $body_status == degraded)) ]]; then return 0; fi
  info "public health: HTTP $status${body_status:+, status $body_status}"
  return 1
}

# health_gate IMAGE: waits (DEPLOY_TIMEOUT) for the containers of IMAGE to be running and healthy, then for
# DEPLOY_HEALTH_PASSES healthy answers in a row from HEALTH_URL. Fails at once on an exited or unhealthy container.
health_gate() {
  local image=$1 deadline=$((SECONDS + DEPLOY_TIMEOUT)) passes=0 verdict
  while ((SECONDS < deadline)); do
    if api GET "$(vm_path "/docker/$PROJECT/containers")"; then
      verdict=$(container_verdict "$WORK/response.json" "$image")
      case $verdict in
        fail:*) info "containers: ${verdict#fail:}"; return 1 ;;
        wait:*) info "containers: ${verdict#wait:}"; passes=0 ;;
        pass)
          if public_health; then
            passes=$((passes + 1))
            info "healthy ($passes/$PASSES)"
            ((passes < PASSES)) || return 0
          else
            passes=0
          fi
          ;;
      esac
    fi
    sleep "$POLL"
  done
  info "not healthy within ${DEPLOY_TIMEOUT} s"
  return 1
}

show_diagnostics() {
  step "Collecting diagnostics"
  if api GET "$(vm_path "/docker/$PROJECT/containers")"; then
    jget "$WORK/response.json" '(Array.isArray(d) ? d : []).map((c) => "    container " + c.name + ": " + c.image + " " + c.state + "/" + (c.health || "-") + " (" + c.status + ")").join("\n")'
    echo
  fi
  if api GET "$(vm_path "/docker/$PROJECT/logs")"; then
    jget "$WORK/response.json" '(Array.isArray(d) ? d : []).flatMap((s) => (s.entries || []).map((e) => "    " + s.service + " | " + e.line)).slice(-40).join("\n")'
    echo
  fi
}

roll_back() {
  if [[ ! -f $WORK/previous.json ]]; then
    step "No previous release: stopping project $PROJECT so the broken release does not serve"
    if api POST "$(vm_path "/docker/$PROJECT/stop")"; then wait_action "$(jget "$WORK/response.json" 'd.id')" || true; fi
    die "release $RELEASE_IMAGE was not healthy and there was nothing to roll back to; project $PROJECT is stopped" 3
  fi
  step "Rolling back to the previous release (${PREVIOUS_IMAGE:-as saved})"
  (jget "$WORK/previous.json" 'd.content' >"$WORK/previous-compose.yml")
  if ! { post_project "$WORK/previous-compose.yml" "$WORK/previous.json" && wait_action "$ACTION_ID"; }; then
    die "ROLLBACK FAILED: could not re-create project $PROJECT; restore it by hand (docs/DEPLOYING.md, 'When a rollback fails')" 3
  fi
  step "Waiting for the previous release to be healthy again"
  if ! health_gate "$PREVIOUS_IMAGE"; then
    die "ROLLBACK FAILED: the previous release is not healthy either; see docs/DEPLOYING.md, 'When a rollback fails'" 3
  fi
  printf '\nROLLED BACK: %s was not healthy; %s is serving again.\n' "$RELEASE_IMAGE" "${PREVIOUS_IMAGE:-the previous release}" >&2
  exit 2
}

main() {
  check_prerequisites
  check_vps
  save_previous_release
  step "Preparing the compose project for $RELEASE_IMAGE"
  render_compose "$WORK/compose.yml"
  info "compose file: $(wc -c <"$WORK/compose.yml") characters"
  step "Deploying $RELEASE_IMAGE"
  if ! { post_project "$WORK/compose.yml" && wait_action "$ACTION_ID"; }; then
    show_diagnostics
    roll_back
  fi
  step "Waiting for $RELEASE_IMAGE to be healthy (up to ${DEPLOY_TIMEOUT} s)"
  if ! health_gate "$RELEASE_IMAGE"; then
    show_diagnostics
    roll_back
  fi
  printf '\nDEPLOYED: %s is healthy at %s\n' "$RELEASE_IMAGE" "$HEALTH_URL"
}

main "$@"
