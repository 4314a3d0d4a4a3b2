// A real escudo server for the browser tests: a fresh database in a temporary
// folder, users made with `escudo user add`, the official transits imported
// with `escudo import transits`, and `escudo serve` on a free port.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ESCUDO_BIN = path.resolve(WEB_DIR, process.env.ESCUDO_BIN ?? '../build/debug-asan/src/cli/escudo');
export const TRANSITS_CSV = path.resolve(
  WEB_DIR,
  process.env.ESCUDO_TRANSITS_CSV ?? '../data/official/darien_transits_by_nationality.csv',
);
export const DEMOGRAPHICS_CSV = path.resolve(
  WEB_DIR,
  process.env.ESCUDO_DEMOGRAPHICS_CSV ?? '../data/official/darien_transits_by_sex_age.csv',
);
export const DIST_DIR = path.resolve(WEB_DIR, 'dist');
export const SCREENSHOT_DIR = path.resolve(WEB_DIR, '../build/screenshots');

/** Runs the escudo CLI; resolves with its stdout, rejects with its stderr. */
export function runEscudo(args, { input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(ESCUDO_BIN, args, { cwd: WEB_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`escudo ${args.join(' ')} exited with ${code}\n${stderr}${stdout}`));
    });
    child.stdin.end(input ?? '');
  });
}

/**
 * Adds a user; returns the second factor's secret when the role gets one
 * (admin, tip_handler), from the line `totp secret: …`.
 */
export async function addUser(db, user) {
  const args = ['user', 'add', '--db', db, '--name', user.username];
  for (const role of user.roles) args.push('--role', role);
  args.push('--agency', user.agency, '--display-name', user.displayName);
  args.push('--language', user.language ?? 'en', '--password-stdin');
  const stdout = await runEscudo(args, { input: `${user.password}\n` });
  const match = /totp secret:\s*([A-Z2-7=]+)/i.exec(stdout);
  return { ...user, totpSecret: match?.[1] };
}

export function importTransits(db, file = TRANSITS_CSV) {
  return runEscudo(['import', 'transits', '--db', db, file]);
}

/** The official tables: by nationality, and by sex and age (children apart from 2023). */
export async function importOfficialTables(db) {
  await importTransits(db, TRANSITS_CSV);
  await importTransits(db, DEMOGRAPHICS_CSV);
}

/** Starts `escudo serve` and resolves once it says where it listens. */
export function serve(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(ESCUDO_BIN, ['serve', '--db', db, '--port', '0', '--web-root', 'dist'], {
      cwd: WEB_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`escudo serve did not say where it listens within 60 s\n${log}`));
    }, 60_000);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`escudo serve exited with ${code}\n${log}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      log += `${line}\n`;
      const match = /escudo listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        log: () => log,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.on('exit', () => done());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      });
    });
  });
}

export const PASSWORD = 'Darien-corridor-2024!';

/** The people the tests sign in as. */
export const PEOPLE = {
  analyst: {
    username: 'ana.analyst',
    roles: ['analyst'],
    agency: 'SENAFRONT',
    displayName: 'Ana Castillo',
    password: PASSWORD,
  },
  registrar: {
    username: 'rene.registrar',
    roles: ['registrar'],
    agency: 'Servicio Nacional de Migración',
    displayName: 'René Mosquera',
    password: PASSWORD,
  },
  tipHandler: {
    username: 'teo.tips',
    roles: ['tip_handler'],
    agency: 'Fiscalía General de la Nación',
    displayName: 'Teodoro Valencia',
    password: PASSWORD,
  },
  committee: {
    username: 'carla.committee',
    roles: ['rewards_committee'],
    agency: 'Ministerio de Seguridad',
    displayName: 'Carla Ríos',
    password: PASSWORD,
  },
  admin: {
    username: 'alba.admin',
    roles: ['admin'],
    agency: 'Servicio Nacional de Migración',
    displayName: 'Alba Quintero',
    password: PASSWORD,
  },
};

/**
 * A database with `people` (keys of PEOPLE) and the official tables, and a
 * server on it. Call `stop()` at the end.
 */
export async function startEscudo(people = ['analyst', 'registrar', 'admin']) {
  if (!existsSync(ESCUDO_BIN)) throw new Error(`no escudo binary at ${ESCUDO_BIN} (set ESCUDO_BIN)`);
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) throw new Error('no dist/index.html: run `npm run build`');
  const dir = await mkdtemp(path.join(tmpdir(), 'escudo-web-test-'));
  const db = path.join(dir, 'escudo.db');
  const users = {};
  for (const key of people) users[key] = await addUser(db, PEOPLE[key]);
  await importOfficialTables(db);
  const server = await serve(db);
  return {
    url: server.url,
    db,
    dir,
    users,
    serverLog: server.log,
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
