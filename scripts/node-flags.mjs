/**
 * The V8 flags the platform's servers run with, here and in production (`pnpm start` and
 * `pnpm bench` pass them; a deployment passes them on its `node` command line or in NODE_OPTIONS).
 * A young generation of 64 MiB, not Node's 16 MiB: under load the gateway's objects that live
 * across two scavenges (calls in flight) were promoted fast enough to set off a mark-compact
 * every few seconds, whose pause and the backlog behind it made the p99; with 64 MiB scavenges
 * come a quarter as often and 18 s of the same load ran without one; after bursts at full load one
 * still comes within seconds (docs: limits and quotas).
 */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=64']);
