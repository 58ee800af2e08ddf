#!/usr/bin/env node
// Starts the whole platform on its embedded default: sandbox departments, the development
// identity provider, the API (PGlite under .data/, in-memory limits) and the built portal.
// Ctrl-C stops them all gracefully.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from './node-flags.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PORT ?? '3000';
const portalPort = process.env.PORTAL_PORT ?? '3001';
const departmentsPort = process.env.DEPARTMENTS_PORT ?? '4100';
const identityPort = process.env.IDENTITY_PORT ?? '4200';
const host = '127.0.0.1';

const processes = [
  {
    name: 'departments',
    command: [process.execPath, ...SERVER_NODE_FLAGS, 'packages/departments/dist/main.js'],
    env: { DEPARTMENTS_PORT: departmentsPort },
  },
  {
    name: 'identity',
    command: [process.execPath, 'packages/identity/dist/main.js'],
    env: {
      IDENTITY_PORT: identityPort,
      IDENTITY_REDIRECT_URIS: `http://${host}:${apiPort}/auth/callback`,
    },
  },
  {
    name: 'api',
    command: [process.execPath, ...SERVER_NODE_FLAGS, 'packages/server/dist/main.js'],
    // One host name for API, portal and identity provider: session cookies are same-site.
    env: {
      PORT: apiPort,
      DEPARTMENTS_URL: `http://${host}:${departmentsPort}`,
      IDENTITY_ISSUER: `http://${host}:${identityPort}`,
      PUBLIC_BASE_URL: `http://${host}:${apiPort}`,
      PORTAL_ORIGIN: `http://${host}:${portalPort}`,
    },
  },
  {
    name: 'portal',
    command: [
      process.execPath,
      'node_modules/@docusaurus/core/bin/docusaurus.mjs',
      'serve',
      'docs-site',
      '--port',
      portalPort,
      '--host',
      host,
      '--no-open',
    ],
    env: {},
  },
];

let stopping = false;
const children = processes.map(({ name, command, env }) => {
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix}exited (${signal ?? code}); stopping the platform.`);
      stop(1);
    }
  });
  return child;
});

async function waitForApi() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://${host}:${apiPort}/readyz`);
      if (res.ok) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  const exits = children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null));
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  Promise.all(exits).then(() => process.exit(code));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (await waitForApi()) {
  console.log(`
  i厦门 Open Platform is up.
    Portal       http://${host}:${portalPort}/  (console: /console, sign in with a test identity)
    API          http://${host}:${apiPort}/.well-known/oauth-authorization-server
    Identity     http://${host}:${identityPort}/.well-known/openid-configuration (development)
    Departments  http://${host}:${departmentsPort}/healthz (sandbox)
  Ctrl-C stops everything.
`);
} else {
  console.error('The API did not become ready within 60 s.');
  stop(1);
}
