/** The V8 flags the platform's servers run with (see node-flags.mjs). */
export declare const SERVER_NODE_FLAGS: readonly string[];
