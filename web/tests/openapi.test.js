// Every route the UI's API client calls is one the server describes in its
// OpenAPI document, with the same method.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { transformWithOxc } from 'vite';
import { startEscudo, WEB_DIR } from './support/escudo.js';

/** The `API_ROUTES` that src/api/client.ts exports, compiled on the fly. */
async function clientRoutes() {
  const file = path.join(WEB_DIR, 'src/api/client.ts');
  const { code } = await transformWithOxc(await readFile(file, 'utf8'), file);
  const dir = await mkdtemp(path.join(tmpdir(), 'escudo-client-'));
  try {
    const compiled = path.join(dir, 'client.mjs');
    await writeFile(compiled, code);
    const module = await import(pathToFileURL(compiled).href);
    return module.API_ROUTES;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('API client and OpenAPI description', { timeout: 120_000 }, () => {
  let escudo;

  before(async () => {
    escudo = await startEscudo([]);
  });

  after(async () => {
    await escudo?.stop();
  });

  it('calls only routes the server describes', async () => {
    const routes = await clientRoutes();
    assert.ok(routes.length >= 16, `client.ts exports ${routes.length} routes`);

    const response = await fetch(`${escudo.url}/api/openapi.json`);
    assert.equal(response.status, 200);
    const openapi = await response.json();
    assert.match(String(openapi.openapi), /^3\./);

    // Path parameters match whatever their names: /api/users/{id} = /api/users/{user_id}.
    const key = (method, route) => `${method.toUpperCase()} ${route.replace(/\{[^}]*\}/g, '{}')}`;
    const described = new Set();
    for (const [route, item] of Object.entries(openapi.paths ?? {})) {
      for (const method of Object.keys(item)) described.add(key(method, route));
    }
    const missing = routes.filter((r) => !described.has(key(r.method, r.path))).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(missing, [], 'routes the client calls but the OpenAPI description lacks');
  });
});
