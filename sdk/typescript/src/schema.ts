// Generated from openapi.json by scripts/generate-sdk.js: do not edit.
/* eslint-disable */
export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service health in the product document's shape; 503 only when `unhealthy`. Open to probes without a key;
         *     `verbose=true` needs a valid API key when API_KEYS is set, and is rate limited like other routes.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 200 once the graph is loaded, 503 before. */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service performance: request count, mean latency (seconds), cache hit ratio, error rate, per-route percentiles. */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics/prometheus": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same measurements in the Prometheus text exposition format, with latency histograms. */
        get: operations["getPrometheusMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channel-size, fee-rate and base-fee distributions of the whole network (quantiles and 1-2-5 histograms),
         *     computed once per graph version: the reference a node's own channels and fees are compared with.
         */
        get: operations["getNetworkStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/channel-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Peers the node has no channel with, ranked by what one new channel to each would do to the node's
         *     betweenness, closeness and eigenvector ranks, with suggested sizes (sized to the node's own capital) and
         *     fees. Each candidate is vetted (zombie share, demand shown by the fees toward it, overlap with the node's
         *     peers); vetted candidates come first. The same pool feeds the node's recommendations and plans. The first
         *     five carry the payment-flow model's before/after of opening them (`modelled_flow`).
         *     503 ANALYTICS_NOT_READY while the centralities of a new graph are being computed.
         */
        get: operations["getChannelCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/channel-candidates/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The same figures, vetting and sizes for exactly the peers the operator is considering (up to 50, in their order), plus the change in mean hop distance. */
        post: operations["evaluateChannelCandidates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/channels/{peer}/fee-curve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Modelled forwards and revenue per day of the node's channel(s) to `peer` at evenly spaced fee rates from
         *     `from` to `to`, every other policy of the graph unchanged, and the rate that maximises the median modelled
         *     revenue. 404 CHANNEL_NOT_FOUND when the node has no channel with that peer; 422 INVALID_WHAT_IF when to < from.
         */
        get: operations["getFeeCurve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alias, channels with both policies, capacity, fee figures and network position of a node, from the
         *     Lightning graph the service holds; optionally its history across the older embedded snapshots. A node the
         *     graph lacks is served from the first configured live source that knows it (`live_source`; LND, mempool):
         *     404 when none does, 503 when one failed and no earlier answer can be served (then marked `stale`).
         */
        get: operations["getNodeInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/priorities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A ranked, budget-aware action plan. Picked and explained by the configured OpenAI model when there is one,
         *     by the deterministic engine otherwise or whenever the model fails; commands always come from our templates.
         */
        post: operations["createPriorities"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Fee, connectivity, liquidity, reliability and cost advice for a node, each with its evidence, priority,
         *     estimated impact and ready-to-run `lncli` / `lightning-cli` commands (with the commands that revert them).
         */
        get: operations["getRecommendations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/node/{pubkey}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What-if on the payment-flow model (README "Payment-flow model"): up to 10 changes of the node's own policies
         *     (fee rate, base fee, inbound fee, max_htlc, disable; per peer or per short channel id) and/or new channels
         *     (peer, capacity, both policies), with optional model parameters for this request. Answers the node's modelled
         *     forwards, volume and revenue per day before and after, in total and per channel, each as p10/p50/p90 over the
         *     seeded runs. 422 INVALID_WHAT_IF when a change names no channel of the node, a peer is not in the graph,
         *     the changes are none or more than 10 together, or min_amount_sat exceeds max_amount_sat.
         */
        post: operations["simulateWhatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/nodes/bulk-analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Analyses many nodes. Up to BULK_INLINE_MAX (50) pubkeys without expensive types answer inline (200) in
         *     the original service's shape; larger requests answer 202 with a job id and a Location to poll. At most
         *     BULK_MAX_EXPENSIVE_ITEMS_PER_JOB (1000) pubkeys with channel_candidates (400 beyond); with API keys, a key over
         *     its bulk quotas (unfinished channel_candidates items, items kept in the store) gets 429 QUOTA_EXCEEDED.
         */
        post: operations["createBulkAnalysis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/nodes/bulk-analysis/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Status, progress, ETA, per-worker counts and one page of results and per-item errors. With API keys
         *     configured, only the key that created the job sees it; any other key gets the 404 of an unknown job.
         */
        get: operations["getBulkAnalysis"];
        put?: never;
        post?: never;
        /**
         * Cancels a queued or running job: remaining items are skipped; processed ones stay readable. Only the key
         *     that created the job may cancel it (404 for any other).
         */
        delete: operations["cancelBulkAnalysis"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/nodes/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nodes of the graph by pubkey or alias, case-insensitive: the exact pubkey first, then aliases starting with
         *     the query, pubkeys starting with it (6+ hex characters), and aliases containing it, each group by degree rank.
         */
        get: operations["searchNodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BulkAnalysisRequestDto: {
            /**
             * @description What to compute per node. Cost per node on 2 cores (see README): basic and network_position ≈ 0.02 ms,
             *     recommendations ≈ 0.2 ms, priorities ≈ 0.3 ms, channel_candidates ≈ 50–100 ms (10 simulated peers).
             *     Requests with channel_candidates or priorities are always queued.
             *     `recommendations` gives `node_role` (role, can_route, evidence, as in /recommendations), the
             *     recommendations, `total_count` and `omitted`; `priorities` gives the same `node_role`, `total_estimated_cost`
             *     (fees only), `total_committed_capital` (capital locked in new channels), `plan_score` and actions with
             *     `estimated_cost`, `committed_capital` and `manual`. Both come from one run of the advice per node.
             *     `network_position` is the object of /node/{pubkey}/info, with the modelled payment flow in `flow`.
             * @default [
             *       "basic"
             *     ]
             */
            analysis_types?: ("basic" | "network_position" | "recommendations" | "channel_candidates" | "priorities")[];
            /**
             * Format: uri
             * @description Called with a signed JSON summary when the job is done (needs SECRET_KEY). Must reach a public address
             *     (every address its host resolves to, checked again when connecting), carry no credentials, and be https in
             *     production; redirects are not followed. Internal receivers only when the operator lists them in
             *     WEBHOOK_ALLOWED_HOSTS.
             */
            callback_url?: string;
            /** @description Plan settings for the `priorities` type (deterministic engine; no model is called per node). */
            priorities_request?: components["schemas"]["PrioritiesRequestDto"];
            /**
             * @description 1 to 10,000 node pubkeys. Each is checked on its own: a malformed or unknown one fails its item, not the
             *     request. Duplicates (case-insensitive) are removed and listed in `duplicates_removed`.
             */
            pubkeys: string[];
            /** @description Accepted for compatibility: bulk results are computed from the in-memory graph, which is faster than a cache read. */
            use_cache?: boolean;
        };
        BulkInlineResponseDto: {
            duplicates_removed: string[];
            errors: components["schemas"]["BulkItemErrorDto"][];
            failed: number;
            generated_at: string;
            /** @description The graph the items were computed from: its date, its age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
            graph: components["schemas"]["GraphFreshnessDto"];
            graph_version: string;
            /** @enum {string} */
            mode: "inline";
            processing_time_seconds: number;
            /** @description One entry per successful node: `pubkey` plus one key per analysis type. */
            results: {
                [key: string]: unknown;
            }[];
            successful: number;
            total_analyzed: number;
        };
        BulkItemErrorDto: {
            /** @description Stable code (VALIDATION_FAILED, NODE_NOT_FOUND, ANALYSIS_NOT_READY…) and message, e.g. `NODE_NOT_FOUND: not in the Lightning graph of 2026-02-03`. */
            error: string;
            pubkey: string;
        };
        BulkJobAcceptedDto: {
            duplicates_removed: string[];
            /** @description True when jobs live in Redis (survive restarts, shared by instances). */
            durable: boolean;
            job_id: string;
            /** @enum {string} */
            mode: "queued";
            /** @enum {string} */
            status: "queued";
            /** @description Where to poll (also in the Location header). */
            status_url: string;
            total: number;
        };
        BulkJobStatusDto: {
            analysis_types: string[];
            /** @description Failed items of this page. */
            errors: components["schemas"]["BulkItemErrorDto"][];
            /** @description Seconds left at the current rate; null before the first item or once finished. */
            eta_seconds: number | null;
            /**
             * @description The graph this instance serves now: its date, age and a warning when it is older than GRAPH_MAX_AGE_DAYS.
             *     Items are computed on the graph current when they run (the one named by graph_version unless a refresh swapped it).
             */
            graph: components["schemas"]["GraphFreshnessDto"];
            graph_version: string;
            job_id: string;
            page: number;
            page_size: number;
            /** @description Items of this page not processed yet. */
            pending: number;
            progress: components["schemas"]["BulkProgressDto"];
            /** @description Successful items of this page, in submission order. */
            results: {
                [key: string]: unknown;
            }[];
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed" | "cancelled";
            timings: components["schemas"]["BulkTimingsDto"];
            total_pages: number;
            /** @description Items processed per worker process (random id:pid, no host name): several workers mean the job was spread out. */
            workers: {
                [key: string]: number;
            };
        };
        BulkProgressDto: {
            done: number;
            failed: number;
            percent: number;
            total: number;
        };
        BulkTimingsDto: {
            created_at: string;
            elapsed_seconds: number | null;
            finished_at: string | null;
            items_per_second: number | null;
            started_at: string | null;
        };
        CandidateFlowAssumptionsDto: {
            capacity_sat: number;
            /** @description The node's own median base fee. */
            local_base_fee_msat: number;
            /** @description The node's side: the candidate's passive fee (the crowd's median toward it). */
            local_fee_rate_ppm: number;
            remote_base_fee_msat: number;
            /** @description The candidate's side: its own median outbound fee. */
            remote_fee_rate_ppm: number;
        };
        CandidateInputDto: {
            /** @description The channel size the operator has in mind, sat (compared with the suggested sizes). */
            capacity?: number;
            /**
             * @description Node public key: 66 hex characters starting with 02 or 03
             * @example 03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f
             */
            pubkey: string;
        };
        CandidateModelledFlowDto: {
            /** @description True when the model's median forwards of the node rise with the channel. */
            adds_flow: boolean;
            assumed: components["schemas"]["CandidateFlowAssumptionsDto"];
            /** @description Payments the node would forward per day out through the new channel, toward the candidate. */
            channel_forwards_per_day: components["schemas"]["FlowSpreadDto"];
            /** @description Revenue the node would earn per day on that direction, sat. */
            channel_revenue_sat_per_day: components["schemas"]["FlowSpreadDto"];
            node_forwards_per_day: components["schemas"]["ModelledChangeDto"];
            node_revenue_sat_per_day: components["schemas"]["ModelledChangeDto"];
            note: string;
        };
        CandidateVettingDto: {
            /** @description The candidate's announced channels, zombies included. */
            announced_channels: number;
            /** @description Worth knowing, not disqualifying (too little fee data, overlap with the node's peers). */
            concerns: string[];
            /** @description Share (0–1) of those fees at 1 ppm or less. */
            inbound_fee_at_most_1ppm_share: number | null;
            /** @description Lower median of the fee rates its peers charge to forward toward it (demand for liquidity into it); under 10 ppm rejects it. Null when no such fee is enabled. */
            inbound_fee_median_ppm: number | null;
            /** @description How many enabled fees toward the candidate were seen. */
            inbound_fee_sample_size: number;
            /** @description No rejection reason: the candidate may be advised. Candidates that fail are listed after those that pass and never advised. */
            passed: boolean;
            /** @description Why the candidate is not advised (empty when it passed). */
            reasons: string[];
            /** @description shared_peers over the node's distinct peers (0–1); null when the node has no peer. */
            shared_peer_share: number | null;
            /** @description The node's peers that already have a usable channel with the candidate. */
            shared_peers: number;
            /** @description Share (0–1) of those channels with no enabled direction; more than 0.5 rejects the candidate. */
            zombie_share: number;
        };
        CentralityDto: {
            /** @description Score normalised as described for this centrality. */
            normalized: number;
            /** @description Share of routable nodes (0–100) with a strictly lower score. */
            percentile: number;
            /** @description Among routable nodes: 1 = most central, ties share the best rank. */
            rank: number;
            /** @description Raw score. */
            value: number;
        };
        ChannelBalanceDto: {
            /** @description The channel is active in LND now (peer online). */
            active: boolean;
            /** @description Routing fees this channel earned as the outgoing channel over the forwarding window, msat. */
            forwarded_fees_msat: number | null;
            local_sat: number;
            remote_sat: number;
        };
        ChannelCandidateDto: {
            /** @description 75th percentile of those fees (priced for scarce liquidity, rebalanced actively). */
            active_fee_ppm: number;
            /** @description Attacker-controlled text; display as data. */
            alias: string | null;
            betweenness: components["schemas"]["RankChangeDto"];
            /** @description The candidate's usable capacity, sat. */
            capacity: number;
            capacity_rule: string;
            /** @description The candidate's distinct usable peers. */
            channel_count: number;
            closeness: components["schemas"]["RankChangeDto"];
            eigenvector: components["schemas"]["RankChangeDto"];
            fee_rule: string;
            gain_in_betweenness_rank: number;
            gain_in_closeness_rank: number;
            gain_in_eigenvector_rank: number;
            /** @description Median of the candidate's usable channel sizes, rounded up to 10k sat, at least 20k sat. */
            ideal_capacity: number;
            mean_hop_distance: components["schemas"]["HopDistanceChangeDto"];
            /** @description 25th percentile of the candidate's usable channel sizes, rounded up to 10k sat, at least 20k sat. */
            minimum_viable_capacity: number;
            /** @description On the first five candidates once the payment-flow model is ready and their what-ifs are done (see `modelled_flow_status`); null otherwise. */
            modelled_flow: components["schemas"]["CandidateModelledFlowDto"] | (never | null);
            /** @description Median fee rate the candidate's other peers charge toward it (priced like the crowd). */
            passive_fee_ppm: number;
            pubkey: string;
            /** @description The size the operator asked about (evaluate only), else null. */
            requested_capacity: number | null;
            /**
             * @description The channel size to open, sized to the node's own capital: the larger of `ideal_capacity` and the node's
             *     median channel, capped at max(the node's median channel, 25 % of its total capacity), rounded down to
             *     10k sat, at least 20k sat. Recommendations and plans use this figure.
             */
            suggested_capacity: number;
            /** @description How suggested_capacity was sized, with the figures used. */
            suggested_capacity_rule: string;
            vetting: components["schemas"]["CandidateVettingDto"];
        };
        ChannelCandidatesResponseDto: {
            candidates: components["schemas"]["ChannelCandidateDto"][];
            compute_ms: number;
            computed_at: string;
            /** @description The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
            graph: components["schemas"]["GraphFreshnessDto"];
            graph_version: string;
            /** @description How the gains were computed, with the approximation used for ranks. */
            method: string;
            /**
             * @description The payment-flow model behind `modelled_flow`: `ready` (the first five candidates carry it), `pending` (some of
             *     their what-ifs are still computing: ask again in a few seconds), `computing` (the model of this graph is being
             *     built) or `unavailable` (FLOW_MODEL=false, or the model failed).
             * @enum {string}
             */
            modelled_flow_status: "ready" | "pending" | "computing" | "unavailable";
            pool: {
                rule: string;
                simulated: number;
                size: number;
            };
            pubkey: string;
            /** @description The node had at least one usable channel. */
            routable: boolean;
            skipped: components["schemas"]["SkippedCandidateDto"][];
            snapshot_date: string;
        };
        ChannelDto: {
            /** @description Live balances, only for the operator's own node (from its LND). */
            balance?: components["schemas"]["ChannelBalanceDto"];
            /** @description Block height of the funding transaction, decoded from the short channel id. */
            block_height: number | null;
            /** @description Capacity, sat. */
            capacity: number;
            /** @description Funding outpoint `txid:index`; null when the source does not have it. */
            channel_point: string | null;
            /** @description The analysed node's outbound policy on this channel; null when it never published one. */
            local_policy: components["schemas"]["ChannelPolicyDto"] | (never | null);
            /** @description Peer alias (attacker-controlled text). */
            peer_alias: string | null;
            peer_pubkey: string;
            /** @description The peer's policy toward the analysed node; null when it never published one. */
            remote_policy: components["schemas"]["ChannelPolicyDto"] | (never | null);
            /** @description `BLOCKxTXxOUTPUT`; null when the source has no channel ids (the 2026 embedded snapshot). */
            short_channel_id: string | null;
            /** @description At least one direction has an enabled policy; false for zombie or disabled channels. */
            usable: boolean;
        };
        ChannelPolicyDto: {
            /** @description Base fee, msat; null when a live source does not report it (mempool gives only the fee rate). */
            base_fee_msat: number | null;
            /** @description CLTV expiry delta, blocks; null when a live source does not report it (mempool). */
            cltv_delta: number | null;
            /** @description True when the last channel_update disabled this direction. */
            disabled: boolean;
            /** @description Proportional fee, parts per million. */
            fee_rate_ppm: number;
            /**
             * @description Set on the node's own channels when its own node API gave their current fees (`lnd`: `/v1/fees`, inbound fees
             *     included; `cln`: `listpeerchannels`), fresher than the gossip the other fields come from. Absent otherwise.
             * @enum {string}
             */
            fee_source?: "lnd" | "cln";
            /**
             * @description Inbound fee (bLIP-18, LND 0.18+), msat; negative is a discount. Null when the source has none: Core Lightning's
             *     listchannels carries no inbound fees (the embedded snapshot, GRAPH_SOURCE=cln); LND's describegraph does.
             */
            inbound_base_fee_msat: number | null;
            /** @description Inbound fee rate, ppm; negative is a discount. Null when the source has none (see inbound_base_fee_msat). */
            inbound_fee_rate_ppm: number | null;
            /** @description Unix seconds of the channel_update; null when the source has no timestamps. */
            last_update: number | null;
            max_htlc_msat: number | null;
            min_htlc_msat: number | null;
        };
        ChannelWhatIfDto: {
            /** @description Null for a channel the change disables. */
            after: components["schemas"]["FlowFiguresDto"] | (never | null);
            /** @description Null for a channel that does not exist yet. */
            before: components["schemas"]["FlowFiguresDto"] | (never | null);
            capacity_sat: number;
            /** @description True when a change of this request applies to the channel. */
            changed: boolean;
            /** @description True for a channel the what-if opens. */
            new: boolean;
            peer_alias: string | null;
            peer_pubkey: string;
            /** @description Short channel id; null for a new channel or when the graph has no ids (the embedded snapshot). */
            short_channel_id: string | null;
        };
        CommandsDto: {
            /** @description `lightning-cli` line; null when Core Lightning has no command for it. */
            cln: string | null;
            /** @description `lncli` line, built from a template with validated values; null when LND has no command for it. */
            lnd: string | null;
            notes: string[];
            /** @description Markers the operator must fill in because the data lacks the identifier. */
            placeholders: components["schemas"]["PlaceholderDto"][];
            /** @description Lines that restore the current values; null when the action cannot be undone (open, close). */
            revert: components["schemas"]["RevertCommandsDto"] | (never | null);
        };
        CoveredChannelDto: {
            capacity_sat: number;
            /** @description Short channel id or channel point, when the source has one (the embedded snapshot has neither). */
            channel_id: string | null;
            peer_pubkey: string;
        };
        DistributionDto: {
            /** @description Contiguous buckets on a 1-2-5 scale (0, 1, 2, 5, 10, 20, …); the first starts at 0. */
            buckets: components["schemas"]["HistogramBucketDto"][];
            /** @description How many values (channels or channel directions) it covers. */
            count: number;
            max: number | null;
            mean: number | null;
            median: number | null;
            min: number | null;
            p10: number | null;
            p25: number | null;
            p75: number | null;
            p90: number | null;
        };
        EvaluateCandidatesDto: {
            /** @description Up to 50 peers the operator is considering. */
            candidates: components["schemas"]["CandidateInputDto"][];
        };
        EvidenceDto: {
            /** @description Date of the data behind it (YYYY-MM-DD). */
            date: string | null;
            name: string;
            /** @description Where the number comes from, e.g. `embedded-graph:2026-02-03`, `lnd`, `sparkseer`. */
            source: string;
            unit: string;
            value: (number | null) | (string | null);
        };
        FeeCurvePointDto: {
            fee_rate_ppm: number;
            /** @description Forwards per day over the node's channel(s) to the peer. */
            forwards_per_day: components["schemas"]["FlowSpreadDto"];
            /** @description The node as a whole at this rate: its other channels gain or lose what these lose or gain. */
            node_forwards_per_day: components["schemas"]["FlowSpreadDto"];
            node_revenue_sat_per_day: components["schemas"]["FlowSpreadDto"];
            /** @description Fees the node earns per day on those channel(s), sat. */
            revenue_sat_per_day: components["schemas"]["FlowSpreadDto"];
        };
        FeeCurveResponseDto: {
            /** @description The point with the highest median modelled revenue of the node as a whole (the lowest such rate on ties). */
            best: components["schemas"]["FeeCurvePointDto"];
            /** @description The node's channels to the peer whose rate the curve sets (all of them together), and their short ids where the graph has them. */
            channel_count: number;
            compute_ms: number;
            /** @description The node's current rate on those channels (the first one's, when parallel channels differ). */
            current_fee_rate_ppm: number;
            model: components["schemas"]["FlowModelInfoDto"];
            peer_alias: string | null;
            peer_pubkey: string;
            /** @description Forwards and revenue over those channels at each rate, ascending. */
            points: components["schemas"]["FeeCurvePointDto"][];
            pubkey: string;
            short_channel_ids: string[];
        };
        FlowFiguresDto: {
            /** @description Payments forwarded per day. */
            forwards_per_day: components["schemas"]["FlowSpreadDto"];
            /** @description Routing fees earned per day, sat (fractions kept: small nodes earn less than a sat a day). */
            revenue_sat_per_day: components["schemas"]["FlowSpreadDto"];
            /** @description Amount forwarded per day, sat. */
            volume_sat_per_day: components["schemas"]["FlowSpreadDto"];
        };
        FlowModelInfoDto: {
            /** @description What the figures assume (demand, amounts, route choice) and what the model cannot know. */
            assumptions: string[];
            /** @description Graph the model ran on. */
            graph_version: string;
            /**
             * @description `fast`: only payments the changes can affect were re-routed; `full`: every payment re-routed.
             * @enum {string}
             */
            method: "fast" | "full";
            /** @description The parameters used, request overrides applied (demand, paymentsPerDay, minAmountSat, maxAmountSat, seed, hopProbability, attemptCostSat, attemptCostPpm, cltvLimit). */
            parameters: {
                [key: string]: number | string;
            };
            payments_per_run: number;
            runs: number;
        };
        FlowParametersDto: {
            /** @description LND's proportional attempt cost, ppm of the amount (default 1000). */
            attempt_cost_ppm?: number;
            /** @description LND's fixed attempt cost, sat (default 100). */
            attempt_cost_sat?: number;
            /**
             * @description Who pays whom: endpoints drawn in proportion to their capacity, or uniformly among routable nodes.
             * @enum {string}
             */
            demand?: "capacity_weighted" | "uniform";
            /** @description LND's apriori hop probability (default 0.6). */
            hop_probability?: number;
            max_amount_sat?: number;
            /** @description Smallest and largest sampled amount, sat (log-uniform in between). */
            min_amount_sat?: number;
            /** @description Payments per day across the network the sampled payments stand for. */
            payments_per_day?: number;
            /** @description Seed of the first run; the same seed gives the same payments and paths. */
            seed?: number;
        };
        FlowSpreadDto: {
            p10: number;
            p50: number;
            p90: number;
        };
        FlowTotalDto: {
            after: components["schemas"]["FlowFiguresDto"];
            before: components["schemas"]["FlowFiguresDto"];
        };
        GraphFreshnessDto: {
            /** @description Whole days from snapshot_date to today (UTC). */
            age_days: number;
            /** @description When this instance loaded the graph (ISO 8601). */
            loaded_at: string;
            /** @description GRAPH_MAX_AGE_DAYS. */
            max_age_days: number;
            /** @description UTC date (YYYY-MM-DD) the graph describes: the dump's newest channel update or the date in its name; the load time for a live graph. */
            snapshot_date: string;
            /** @description `<origin>:<date>`: `embedded-graph` (shipped snapshot), `graph-file`, `graph-url` (https GRAPH_SNAPSHOT), `lnd-graph` (live). */
            source: string;
            /** @description True when age_days is more than max_age_days. */
            stale: boolean;
            /** @description Null while the graph is fresh; otherwise its age and what to configure for current data. */
            warning: string | null;
        };
        GraphRefreshDto: {
            /**
             * @description The configured source: GRAPH_SOURCE, or `url` / `file` / `embedded` from GRAPH_SNAPSHOT.
             * @enum {string}
             */
            configured_origin: "embedded" | "file" | "url" | "lnd" | "cln";
            consecutive_failures: number;
            /** @description GRAPH_REFRESH_INTERVAL; 0 = loaded once at boot. */
            interval_seconds: number;
            last_attempt_at: string | null;
            /** @description The last failed or refused load of the configured source, with why; null once a later load succeeds. */
            last_failure: components["schemas"]["GraphRefreshFailureDto"] | (never | null);
            last_success_at: string | null;
            /** @description Whether the configured source is live (a node or a published dump): only then can its refreshes degrade health. */
            live: boolean;
            /**
             * @description The source of the graph served now; differs from configured_origin while a boot fallback serves. Null before the first load.
             * @enum {string|null}
             */
            serving_origin: "embedded" | "file" | "url" | "lnd" | "cln" | null;
        };
        GraphRefreshFailureDto: {
            at: string;
            /** @description E.g. a download larger than GRAPH_DOWNLOAD_MAX_MB, a truncated gzip, a sharp drop in channels. */
            reason: string;
        };
        HealthGraphDto: {
            /** @description Whole days from snapshot_date to today (UTC); null before the first load. */
            age_days: number | null;
            channels: number | null;
            format: string | null;
            loaded: boolean;
            loaded_at: string | null;
            /** @description GRAPH_MAX_AGE_DAYS. */
            max_age_days: number;
            nodes: number | null;
            refresh: components["schemas"]["GraphRefreshDto"];
            routable_nodes: number | null;
            /** @description YYYY-MM-DD. */
            snapshot_date: string | null;
            /** @description How the date was established: load_time (live graph), last_update, file_name or file_mtime. */
            snapshot_date_source: string | null;
            source: string | null;
            /** @description Older than max_age_days. An old graph alone never degrades the status: answers carry the warning. */
            stale: boolean | null;
            version: string | null;
            /** @description What to configure for a current graph, when stale; null otherwise. */
            warning: string | null;
        };
        HealthResponseDto: {
            /** @description Cache hits, misses, errors and backend. */
            cache_stats: {
                [key: string]: unknown;
            };
            /** @description Present with `verbose=true`. */
            details?: {
                [key: string]: unknown;
            };
            graph: components["schemas"]["HealthGraphDto"];
            /** @description Why the status is not healthy; empty when healthy. */
            reasons: string[];
            services: components["schemas"]["HealthServicesDto"];
            /** @enum {string} */
            status: "healthy" | "degraded" | "unhealthy";
            uptime_seconds: number;
            /** @description Service version (package.json). */
            version: string;
        };
        HealthServicesDto: {
            /**
             * @description The cache: Redis when REDIS_URL is set, degraded while Redis is connected but erroring or slower than its budget, disconnected while it is down (the cache serves from memory in both); connected without REDIS_URL too: the cache then runs in memory and always answers (cache_stats.backend: memory)
             * @enum {string}
             */
            cache: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description The operator’s Core Lightning (clnrest plugin); not_configured without CLN_REST_URL and CLN_RUNE; disconnected when the rune is refused (401/403)
             * @enum {string}
             */
            cln_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description LNBits; not_configured without LNBITS_URL
             * @enum {string}
             */
            lnbits_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description The operator’s LND REST API; not_configured without LND_REST_URL
             * @enum {string}
             */
            lnd_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description mempool Lightning API; not_configured without MEMPOOL_BASE_URL
             * @enum {string}
             */
            mempool_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description OpenAI API; not_configured without OPENAI_API_KEY
             * @enum {string}
             */
            openai_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
            /**
             * @description Sparkseer API; not_configured without SPARKSEER_API_KEY
             * @enum {string}
             */
            sparkseer_api: "connected" | "disconnected" | "degraded" | "not_configured" | "unknown";
        };
        HistogramBucketDto: {
            count: number;
            /** @description Inclusive lower bound. */
            from: number;
            /** @description Exclusive upper bound; null for the last, open-ended bucket. */
            to: number | null;
        };
        HistoryChangeDto: {
            /** @description Negative: the node moved up. */
            capacity_rank: number | null;
            /** @description Negative: the node moved up. */
            degree_rank: number | null;
            distinct_peers: number | null;
            median_fee_rate_ppm: number | null;
            total_capacity: number | null;
            total_channels: number | null;
        };
        HistoryPointDto: {
            active_channels: number | null;
            capacity_rank: number | null;
            /** @description Now minus then, for each figure; null when either side is missing. */
            change: components["schemas"]["HistoryChangeDto"];
            degree_rank: number | null;
            distinct_peers: number | null;
            median_fee_rate_ppm: number | null;
            /** @description Nodes in that snapshot, to read the ranks against. */
            nodes_in_snapshot: number;
            /** @description False when the node is not in that snapshot (it had no public channel then). */
            present: boolean;
            snapshot_date: string;
            source_file: string;
            total_capacity: number | null;
            total_channels: number | null;
        };
        HopDistanceChangeDto: {
            after: number;
            before: number | null;
            /** @description after − before: negative = the rest of the network gets closer. */
            change: number | null;
        };
        LiveNodeDto: {
            active_channel_count: number;
            alias: string;
            as_organization: string | null;
            /** @description sat. */
            capacity: number;
            color: string;
            country: string | null;
            /** @description Unix seconds. */
            first_seen: number;
            /** @description Unix seconds. */
            updated_at: number;
        };
        MetricsResponseDto: {
            /** @description Mean response time in seconds. */
            average_response_time: number;
            /** @description Cache hits / (hits + misses) since start (0–1). */
            cache_hit_ratio: number;
            /** @description Share of answers with a 4xx status (0–1): bad input, unknown nodes. */
            client_error_rate: number;
            /** @description Share of answers with a 5xx status (0–1). */
            error_rate: number;
            /** @description When the last request was recorded (ISO 8601). */
            last_updated: string;
            /** @description Per model: calls, prompt and completion tokens, outcomes. */
            llm: {
                [key: string]: unknown;
            };
            /** @description Requests answered since start. */
            request_count: number;
            routes: components["schemas"]["RouteMetricsDto"][];
            /** @description Per upstream: calls, errors by kind, retries, breaker state, latency percentiles (ms). */
            upstreams: {
                [key: string]: unknown;
            };
        };
        ModelledChangeDto: {
            after: components["schemas"]["FlowSpreadDto"];
            before: components["schemas"]["FlowSpreadDto"];
        };
        ModelledImpactDto: {
            /** @description True when the model's median moves the way the market comparison expects (more revenue for a raise, more forwards for a cut); false when it moves the other way or not at all (`note` says which). */
            agrees_with_market: boolean;
            forwards_per_day: components["schemas"]["ModelledChangeDto"];
            note: string;
            revenue_sat_per_day: components["schemas"]["ModelledChangeDto"];
        };
        NetworkPositionDto: {
            betweenness: components["schemas"]["CentralityDto"] | (never | null);
            capacity: components["schemas"]["RankedValueDto"];
            closeness: components["schemas"]["CentralityDto"] | (never | null);
            /** @description When the centralities were computed (ISO 8601). */
            computed_at: string | null;
            degree: components["schemas"]["RankedValueDto"];
            eigenvector: components["schemas"]["CentralityDto"] | (never | null);
            /** @description The node in the payment-flow model: modelled forwards, volume, revenue per day and share of network flow (p10/p50/p90). */
            flow: components["schemas"]["NodeFlowDto"];
            /** @description Content hash of the graph snapshot. */
            graph_version: string;
            /** @description Mean hop distance from the node to the nodes it can reach. */
            mean_hop_distance: number | null;
            /**
             * @description Why the centralities are null, for a node served from a live source: it is not in the graph they are
             *     computed on. Its degree and capacity are then ranked against the graph's nodes (rank = 1 + nodes with a
             *     higher value, percentile = share of the graph's nodes with a lower value).
             */
            reason?: string;
            routable: boolean;
            routable_nodes: number;
            /** @description Date of the graph snapshot (YYYY-MM-DD). */
            snapshot_date: string;
            /** @enum {string} */
            status: "ready" | "computing" | "unavailable";
            total_nodes: number;
        };
        NetworkStatsResponseDto: {
            /** @description Base fee of enabled directions, msat. */
            base_fee: components["schemas"]["DistributionDto"];
            /** @description Capacity of usable channels, sat. */
            channel_size: components["schemas"]["DistributionDto"];
            /** @description Every announced channel, zombies included. */
            channels: number;
            /** @description When these figures were computed (ISO 8601). */
            computed_at: string;
            /** @description Channel directions with an enabled policy. */
            enabled_directions: number;
            /** @description Proportional fee of enabled directions, ppm. */
            fee_rate: components["schemas"]["DistributionDto"];
            /** @description Content hash of the graph snapshot. */
            graph_version: string;
            nodes: number;
            routable_nodes: number;
            /** @description Date of the graph snapshot (YYYY-MM-DD). */
            snapshot_date: string;
            /** @description `embedded-graph:<date>`, `graph-file:<date>` or `lnd-graph:<date>`. */
            source: string;
            /** @description Channels with at least one enabled direction. */
            usable_channels: number;
        };
        NewChannelDto: {
            capacity_sat: number;
            /** @description The node's own policy toward the peer. */
            local_policy: components["schemas"]["NewChannelPolicyDto"];
            /**
             * @description Node public key: 66 hex characters starting with 02 or 03
             * @example 03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f
             */
            peer: string;
            /** @description The peer's policy toward the node. */
            remote_policy: components["schemas"]["NewChannelPolicyDto"];
        };
        NewChannelPolicyDto: {
            base_fee_msat: number;
            fee_rate_ppm: number;
        };
        NodeDescriptionDto: {
            /** @description Alias announced by the node; attacker-controlled text, to be displayed as data only. Null when the source has none. */
            alias: string | null;
            /** @description Colour as `#rrggbb`; null when the source does not carry colours (the 2026 embedded snapshot does not). */
            color: string | null;
            /** @description Feature bits as the source reports them; null when the source does not carry them. */
            features: {
                [key: string]: unknown;
            } | null;
        };
        NodeFlowDto: {
            /** @description When the model was computed (ISO 8601). */
            computed_at: string | null;
            forwards_per_day: components["schemas"]["FlowSpreadDto"] | (never | null);
            /** @description Payments sampled per seeded run, and how many runs the spread is taken over. */
            payments_per_run: number | null;
            revenue_sat_per_day: components["schemas"]["FlowSpreadDto"] | (never | null);
            runs: number | null;
            /** @description The node's forwarded volume over the forwarded volume of every hop of the simulated payments (0–1). */
            share_of_network_flow: components["schemas"]["FlowSpreadDto"] | (never | null);
            /** @enum {string} */
            status: "ready" | "computing" | "unavailable";
            volume_sat_per_day: components["schemas"]["FlowSpreadDto"] | (never | null);
        };
        NodeInfoResponseDto: {
            cache_hit: boolean;
            /** @description Every announced channel of the node, largest first. */
            channels: components["schemas"]["ChannelDto"][];
            /** @description The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
            graph: components["schemas"]["GraphFreshnessDto"];
            /** @description Present when `include_historical=true`: the node at each older embedded snapshot, oldest last. */
            historical?: components["schemas"]["HistoryPointDto"][];
            /** @description The mempool Lightning explorer's live view of the node, when MEMPOOL_BASE_URL is set. */
            live?: components["schemas"]["LiveNodeDto"];
            /** @description With `stale: true`: when that answer was fetched (ISO 8601). */
            live_fetched_at?: string;
            /**
             * @description Set when the graph does not know the node and a live source answered: the source's name (`lnd`, `mempool`).
             *     Metrics, channels and policies then come from that source, as far as it reports them.
             */
            live_source?: string;
            metrics: components["schemas"]["NodeMetricsDto"];
            network_position: components["schemas"]["NetworkPositionDto"];
            node_info: components["schemas"]["NodeDescriptionDto"];
            /** @description Live balances and forwards, when the node is the operator's own LND. */
            own_node?: components["schemas"]["OwnNodeDto"];
            pubkey: string;
            /** @description The sources that answered, joined with `+`, e.g. `embedded-graph:2026-02-03`. */
            source: string;
            /** @description Sparkseer's figures for the node, when SPARKSEER_API_KEY is set. */
            sparkseer?: components["schemas"]["SparkseerStatsDto"];
            /** @description With `live_source`: true when the source failed and its last good answer is served (see `warnings`). */
            stale?: boolean;
            /** @description When this answer was computed (ISO 8601); a cached answer keeps its original time. */
            timestamp: string;
            /** @description The operator's LNBits wallet, shown with the operator's own node. */
            wallet?: components["schemas"]["WalletDto"];
            /** @description What is missing from this answer and why (e.g. no routing revenue source configured). */
            warnings: string[];
        };
        NodeMetricsDto: {
            /** @description Capacity of the active channels, sat. */
            active_capacity: number;
            /**
             * @description Channels with at least one enabled direction, on either side (the network's view: the channel still
             *     exists for routing). A channel whose own direction is disabled counts here; see `outbound_usable_channels`.
             */
            active_channels: number;
            /** @description Distinct peers over active channels. */
            active_peers: number;
            /** @description Distinct peers with at least one channel enabled in both directions (fewer than two: the node cannot route). */
            bidirectional_peers: number;
            /** @description Distinct peers over all announced channels. */
            distinct_peers: number;
            /** @description Mean announced channel capacity, sat. */
            mean_channel_size: number | null;
            /** @description Median announced channel capacity, sat. */
            median_channel_size: number | null;
            /** @description Median base fee of the node's enabled outbound policies, msat. */
            median_outbound_base_fee_msat: number | null;
            /** @description Median fee rate of the node's enabled outbound policies, ppm. */
            median_outbound_fee_rate_ppm: number | null;
            /** @description Capacity of those channels, sat. */
            outbound_usable_capacity: number;
            /** @description Channels whose own (outbound) direction is enabled: the ones the node itself can forward out through. */
            outbound_usable_channels: number;
            /** @description Capacity of those channels, sat. */
            own_direction_disabled_capacity: number;
            /** @description Channels whose own direction is not enabled (null or disabled policy) while the peer's is enabled. */
            own_direction_disabled_channels: number;
            /** @description Routing fees earned over the last 24 h, sat; null unless a source for the node's own forwards is configured. */
            routing_revenue_24h: number | null;
            /** @description Sum of announced channel capacities, sat. */
            total_capacity: number;
            /** @description Announced channels in the snapshot, including those with no enabled direction. */
            total_channels: number;
        };
        NodeRoleDto: {
            can_route: boolean;
            /** @description The figures behind the role. */
            evidence: components["schemas"]["EvidenceDto"][];
            /**
             * @description `cannot_route` (fewer than two distinct peers with a channel enabled both ways), `leaf` (2–4 such peers),
             *     `merchant_sink` (most own fees ≥ 10,000 ppm, or ≥ 90 % at ≤ 1 ppm with 5+ peers), `hub` (top 50 by distinct
             *     usable peers) or `router`. Decided before the rules run: a node that cannot route gets no routing-fee advice.
             * @enum {string}
             */
            role: "cannot_route" | "leaf" | "merchant_sink" | "router" | "hub";
        };
        NodeSearchResponseDto: {
            /** @description The query as searched (trimmed). */
            query: string;
            /** @description Exact pubkey first, then alias prefix matches, pubkey prefix matches and alias substring matches, each by degree rank. */
            results: components["schemas"]["NodeSearchResultDto"][];
            /** @description Nodes matching in all, beyond `limit`. */
            total: number;
        };
        NodeSearchResultDto: {
            /** @description Alias announced by the node: attacker-controlled text, display it as data only. Null when it has none. */
            alias: string | null;
            /** @description Sum of the announced channel capacities, sat (as `metrics.total_capacity`). */
            capacity: number;
            /** @description Announced channels in the graph, zombies included (as `metrics.total_channels` of node info). */
            channels: number;
            /** @description Rank by distinct peers over usable channels (as `network_position.degree.rank`); 1 = most peers. */
            degree_rank: number;
            /**
             * @description Why it matched: the whole pubkey, the start of the alias, the start of the pubkey, or inside the alias.
             * @enum {string}
             */
            match: "pubkey" | "alias_prefix" | "pubkey_prefix" | "alias_substring";
            pubkey: string;
        };
        OwnNodeDto: {
            active_channels: number;
            channels: number;
            /** @description False when the node's forwarding log was cut at the paging cap. */
            forwarding_complete: boolean;
            forwarding_window_days: number;
            forwards_24h: number;
            /** @description Sum of local balances over the node's channels, sat. */
            local_balance: number;
            remote_balance: number;
            routing_revenue_24h_msat: number;
            /**
             * @description The operator's node API these figures come from: `lnd` (LND REST) or `cln` (Core Lightning clnrest).
             * @enum {string}
             */
            source: "lnd" | "cln";
        };
        PlaceholderDto: {
            /** @description A command that prints the value. */
            how_to_find: string;
            meaning: string;
            /** @description The marker in the command line, e.g. `<CHANNEL_POINT>`. */
            token: string;
        };
        PolicyChangeDto: {
            base_fee_msat?: number;
            /** @description True: the node disables its direction of the channel(s); false: enables it. */
            disabled?: boolean;
            fee_rate_ppm?: number;
            inbound_base_fee_msat?: number;
            inbound_fee_rate_ppm?: number;
            max_htlc_msat?: number;
            /**
             * @description Node public key: 66 hex characters starting with 02 or 03
             * @example 03864ef025fde8fb587d989186ce6a4a186895ee44a926bfc370e2c366597a3f8f
             */
            peer?: string;
            /** @description One channel of the node, as a short channel id (`850000x1234x0`) or its 64-bit decimal form (graphs without ids, like the embedded snapshot, need `peer`). */
            short_channel_id?: string;
        };
        PrioritiesRequestDto: {
            /**
             * @description Satoshis the plan may use: fees it spends (on-chain, rebalancing) plus capital it commits to new channels.
             *     A channel open larger than what the budget leaves is sized down to fit (at least 20,000 sat). No limit when absent.
             * @example 1000000
             */
            budget_limit?: number;
            /**
             * @description The operator's experience: a beginner gets at most three easy or medium actions.
             * @default intermediate
             * @enum {string}
             */
            context?: "beginner" | "intermediate" | "expert";
            /**
             * @description What the operator wants to improve; advice outside these goals counts for less.
             * @default [
             *       "routing_revenue"
             *     ]
             */
            goals?: ("routing_revenue" | "connectivity" | "liquidity" | "reliability" | "cost_optimization")[];
            /**
             * @description How many actions the plan may have.
             * @default 5
             */
            max_actions?: number;
            /**
             * @description Actions with this timeframe are preferred.
             * @enum {string}
             */
            timeframe_preference?: "immediate" | "1-2 weeks" | "1 month" | "3+ months";
        };
        PrioritiesResponseDto: {
            cache_hit: boolean;
            /**
             * @description (30 × the change in the payment-flow model's median routing revenue per day, with every fee step and channel
             *     open of the plan applied together − total_estimated_cost) / total_estimated_cost. A model, not a measurement
             *     (README "Payment-flow model"); `warnings` gives the revenue before and after. Null while the model is not
             *     ready, or when the plan costs nothing (`warnings` then still gives the modelled revenue before and after) or has
             *     nothing the model can apply.
             */
            expected_roi: number | null;
            expected_roi_formula: string;
            generated_at: string;
            /** @description The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
            graph: components["schemas"]["GraphFreshnessDto"];
            key_metrics: string[];
            /** @enum {string} */
            language: "fr" | "en";
            /** @description The model that answered, or `deterministic`. */
            model_used: string;
            /** @description What the node is, with the evidence, as in /recommendations: the plan's actions come from advice given for this role. */
            node_role: components["schemas"]["NodeRoleDto"];
            /** @description A narrative of the plan: the model's when one answered, else written by the deterministic engine. */
            openai_analysis: string;
            /** @description Sum of the engine's scores of the chosen actions (higher = better fit to goals and context). */
            plan_score: number;
            priority_actions: components["schemas"]["PriorityActionDto"][];
            pubkey: string;
            source: string;
            /** @description Sats the plan commits to new channels (sum of committed_capital). */
            total_committed_capital: number;
            /** @description Sats the plan spends (sum of estimated_cost): fees, never capital. */
            total_estimated_cost: number;
            /** @description Why the model's plan was not used, when it was not; what data is missing. */
            warnings: string[];
        };
        PriorityActionDto: {
            action: string;
            category: string;
            /** @description The main command line (lncli when LND has one), from our templates, never from the model. */
            command: string | null;
            commands: components["schemas"]["CommandsDto"] | (never | null);
            /** @description Sats this action locks in a new channel: capital, recoverable by closing the channel; 0 for other actions. */
            committed_capital: number;
            /** @description How the cost was estimated, with the fee rate and its source. */
            cost_basis: string;
            /** @enum {string} */
            difficulty: "easy" | "medium" | "hard";
            /** @description Sats this action spends: on-chain fees (about 154 vB per open, 170 vB per close), rebalancing or swap fees. Never channel capital. */
            estimated_cost: number;
            /** @description Goals this action serves (routing_revenue, connectivity, liquidity, reliability, cost_optimization). */
            goals: string[];
            /** @description The recommendation this action comes from (see /recommendations). */
            id: string;
            impact: string;
            /**
             * @description True when the action has no command: the operator does it by hand, and its cost is not estimated
             *     (estimated_cost 0 says nothing about what it will cost; cost_basis says so).
             */
            manual: boolean;
            /** @description 1 = do first. */
            priority: number;
            /** @description Why this action, at this place in the plan (the model's words when a model answered). */
            reasoning: string;
            rule: string;
            /** @description What to watch to know it worked. */
            success_metrics: string[];
            /** @enum {string} */
            timeframe: "immediate" | "1-2 weeks" | "1 month" | "3+ months";
        };
        ProbeResponseDto: {
            /** @enum {string} */
            status: "ok" | "error";
            uptime_seconds: number;
        };
        ProblemDetailsDto: {
            /**
             * @description Stable machine-readable code, e.g. `NODE_NOT_FOUND`, `VALIDATION_FAILED`.
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @description What went wrong, for a human. */
            detail: string;
            /** @description Per-field messages for validation errors. */
            errors?: components["schemas"]["ProblemFieldErrorDto"][];
            /** @description The request path. */
            instance: string;
            request_id?: string;
            status: number;
            title: string;
            /** @description URN naming the error type. */
            type: string;
        };
        ProblemFieldErrorDto: {
            field: string;
            message: string;
        };
        RankChangeDto: {
            after: number;
            /** @description Raw score before the channel; null when the node had no usable channel. */
            before: number | null;
            /** @description rank_before − rank_after: places climbed (positive = better). */
            gain: number;
            rank_after: number;
            rank_before: number;
        };
        RankedValueDto: {
            /** @description Share of all nodes (0–100) with a strictly lower value. */
            percentile: number;
            /** @description 1 = highest value in the network; equal values share the best rank. */
            rank: number;
            value: number;
        };
        RecommendationDto: {
            action: string;
            /** @description Satoshis to commit (channel size, rebalance amount), when relevant. */
            amount_suggestion: number | null;
            /** @enum {string} */
            category: "revenue" | "connectivity" | "liquidity" | "operational" | "cost";
            /** @description Short channel id or channel point of the channel concerned, when known. */
            channel_id: string | null;
            channels_affected: number;
            commands: components["schemas"]["CommandsDto"] | (never | null);
            /** @description 0–1. */
            confidence: number;
            /** @description Every channel the recommendation covers when it covers several (parallel channels to one peer, zombie lists); empty otherwise. */
            covered_channels: components["schemas"]["CoveredChannelDto"][];
            current_value: (number | null) | (string | null);
            /** @enum {string|null} */
            direction: "inbound" | "outbound" | null;
            estimated_impact: string;
            evidence: components["schemas"]["EvidenceDto"][];
            /** @description Stable for the same node, rule, channel and suggestion. */
            id: string;
            /** @description On the first three fee recommendations, once the payment-flow model of the graph is ready. */
            modelled_impact?: components["schemas"]["ModelledImpactDto"];
            /** @enum {string} */
            priority: "critical" | "high" | "medium" | "low";
            reason: string;
            /** @description The rule that fired, e.g. `fee_underpriced`. */
            rule: string;
            suggested_value: (number | null) | (string | null);
            target_nodes: string[];
            /** @enum {string} */
            type: "fee_adjustment" | "channel_management" | "liquidity_management" | "network_topology" | "security";
        };
        RecommendationsResponseDto: {
            by_category: {
                [key: string]: number;
            };
            by_priority: {
                [key: string]: number;
            };
            cache_hit: boolean;
            generated_at: string;
            /** @description The graph's date and age now, and a warning when it is older than GRAPH_MAX_AGE_DAYS. */
            graph: components["schemas"]["GraphFreshnessDto"];
            /** @enum {string} */
            language: "fr" | "en";
            /** @description What the node is, with the evidence, before any advice. */
            node_role: components["schemas"]["NodeRoleDto"];
            /** @description Per rule, findings beyond the ten most important that were left out. */
            omitted: {
                [key: string]: number;
            };
            pubkey: string;
            /** @description Sorted by priority (critical first), then estimated impact. */
            recommendations: components["schemas"]["RecommendationDto"][];
            source: string;
            total_count: number;
            warnings: string[];
        };
        RevertCommandsDto: {
            cln: string | null;
            lnd: string | null;
        };
        RouteMetricsDto: {
            /** @description Mean response time in seconds. */
            average_response_time: number;
            /** @description Share of answers with a 4xx status (0–1). */
            client_error_rate: number;
            /** @description Share of answers with a 5xx status (0–1). */
            error_rate: number;
            method: string;
            /** @description Median response time in seconds over the last 2,048 requests of this route. */
            p50: number | null;
            /** @description 95th percentile response time in seconds over the same window. */
            p95: number | null;
            /** @description 99th percentile response time in seconds over the same window. */
            p99: number | null;
            request_count: number;
            /** @description Route pattern, e.g. `/api/v1/node/:pubkey/info`. */
            route: string;
        };
        SimulateRequestDto: {
            new_channels?: components["schemas"]["NewChannelDto"][];
            parameters?: components["schemas"]["FlowParametersDto"];
            policy_changes?: components["schemas"]["PolicyChangeDto"][];
        };
        SimulateResponseDto: {
            /** @description Every channel of the node (and each new one), before and after; changed channels first. */
            channels: components["schemas"]["ChannelWhatIfDto"][];
            /** @description How long the model took, ms. */
            compute_ms: number;
            model: components["schemas"]["FlowModelInfoDto"];
            pubkey: string;
            /** @description The node's totals before and after. */
            total: components["schemas"]["FlowTotalDto"];
        };
        SkippedCandidateDto: {
            pubkey: string;
            /** @description unknown-node, same-node or already-peer. */
            reason: string;
        };
        SparkseerRanksDto: {
            betweenness: number | null;
            closeness: number | null;
            eigenvector: number | null;
            weighted_betweenness: number | null;
            weighted_closeness: number | null;
            weighted_eigenvector: number | null;
        };
        SparkseerStatsDto: {
            htlc_response_time_median: number | null;
            liquidity_flexibility_score: number | null;
            median_inbound_fee_rate_ppm: number | null;
            median_outbound_fee_rate_ppm: number | null;
            /** @description Sparkseer's centrality ranks (1 = most central). */
            ranks: components["schemas"]["SparkseerRanksDto"];
        };
        WalletDto: {
            balance_msat: number;
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: {
                /** @description Add check details: Terminus indicator results, memory, reasons. Needs a valid API key when API_KEYS is set */
                verbose?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description healthy or degraded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description `verbose` asked for without a valid API key while API_KEYS is set (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description `verbose` asked for past the rate limit (code RATE_LIMITED) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description unhealthy: the graph is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponseDto"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProbeResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProbeResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProbeResponseDto"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetricsResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getPrometheusMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getNetworkStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NetworkStatsResponseDto"];
                };
            };
            /** @description Not modified: same answer as the ETag sent in If-None-Match (browsers revalidate) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getChannelCandidates: {
        parameters: {
            query?: {
                /** @description How many candidates to return, best first. */
                limit?: number;
                /** @description Only candidates whose usable channels add up to at least this many sat. */
                min_capacity?: number;
            };
            header?: {
                /** @description fr or en (language of modelled_flow.note); default DEFAULT_LANGUAGE */
                "accept-language"?: string;
            };
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCandidatesResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    evaluateChannelCandidates: {
        parameters: {
            query?: never;
            header?: {
                /** @description fr or en (language of modelled_flow.note); default DEFAULT_LANGUAGE */
                "accept-language"?: string;
            };
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateCandidatesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCandidatesResponseDto"];
                };
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Body larger than 1 MB (code PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getFeeCurve: {
        parameters: {
            query?: {
                /** @description Lowest fee rate of the curve, ppm. */
                from?: number;
                /** @description Rates evaluated, evenly spaced from `from` to `to`. */
                points?: number;
                /** @description Highest fee rate of the curve, ppm (at least `from`). Default: 2,000 ppm, or twice the current rate if higher. */
                to?: number;
            };
            header?: never;
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                peer: string;
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeeCurveResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) or no channel between the node and the peer (code CHANNEL_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description to is below from (code INVALID_WHAT_IF) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY), or the payment-flow model is still being computed (code FLOW_NOT_READY, with Retry-After), failed, or is turned off (FLOW_MODEL=false) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getNodeInfo: {
        parameters: {
            query?: {
                /** @description Add the node’s history from the older embedded snapshots (2024-09-22, 2021-04-16) and the change since each */
                include_historical?: boolean;
                /** @description false skips the cache read and refreshes the cached entry */
                use_cache?: boolean;
            };
            header?: never;
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeInfoResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createPriorities: {
        parameters: {
            query?: never;
            header?: {
                /** @description fr or en; default DEFAULT_LANGUAGE */
                "accept-language"?: string;
            };
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrioritiesRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrioritiesResponseDto"];
                };
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Body larger than 1 MB (code PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getRecommendations: {
        parameters: {
            query?: {
                /** @description Only advice of this category. */
                category?: "revenue" | "connectivity" | "liquidity" | "operational" | "cost";
                /** @description Only advice of this priority. */
                priority?: "critical" | "high" | "medium" | "low";
            };
            header?: {
                /** @description fr or en; default DEFAULT_LANGUAGE */
                "accept-language"?: string;
            };
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationsResponseDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY), upstream unavailable, or too many uncached answers being computed (code SERVER_BUSY; retry after Retry-After seconds) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    simulateWhatIf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Node public key: 66 hex characters starting with 02 or 03 */
                pubkey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateRequestDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulateResponseDto"];
                };
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Body larger than 1 MB (code PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description A what-if the model cannot apply (code INVALID_WHAT_IF); `errors` names each change */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY), or the payment-flow model is still being computed (code FLOW_NOT_READY, with Retry-After), failed, or is turned off (FLOW_MODEL=false) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    createBulkAnalysis: {
        parameters: {
            query?: never;
            header?: {
                /** @description fr or en; default DEFAULT_LANGUAGE */
                "accept-language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkAnalysisRequestDto"];
            };
        };
        responses: {
            /** @description Answered inline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkInlineResponseDto"];
                };
            };
            /** @description Queued; poll status_url */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkJobAcceptedDto"];
                };
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Body too large (code PAYLOAD_TOO_LARGE) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    getBulkAnalysis: {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkJobStatusDto"];
                };
            };
            /** @description Not modified: the ETag sent in If-None-Match still matches */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    cancelBulkAnalysis: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkJobStatusDto"];
                };
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Unknown node (code NODE_NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
    searchNodes: {
        parameters: {
            query: {
                /** @description How many results to return, best first. */
                limit?: number;
                /** @description A pubkey (whole, or its first 6+ hex characters) or part of an alias; case-insensitive, trimmed. */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NodeSearchResponseDto"];
                };
            };
            /** @description Not modified: same answer as the ETag sent in If-None-Match (browsers revalidate) */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input (code VALIDATION_FAILED); `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Missing or invalid API key (code UNAUTHORIZED) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Rate limited (code RATE_LIMITED); retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Requests allowed in the window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in the window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the window resets */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window resets */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
            /** @description Graph not loaded yet (code GRAPH_NOT_READY) or upstream unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetailsDto"];
                };
            };
        };
    };
}
