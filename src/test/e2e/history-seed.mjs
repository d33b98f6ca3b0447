// Writes a history file as envparity's file store keeps it (history.json beside the state file) for services that
// have been checked every 15 minutes for DAYS days: releases that reach the first environment every few days and move
// down the promotion order hours or days later, a few health incidents, the drift findings they open and close.
// Deterministic per service name. For the dashboard e2e (a timeline worth a screenshot) and the page benchmark.
//
//   node history-seed.mjs OUT DAYS ENV,ENV,... SERVICE[:VERSION/VERSION/...] ...
//
// A service's versions, one per environment in promotion order, are where its history ends (default: every
// environment on the last release); "ledger:0.9.1/0.9.1". SERVICE may be NUMBERxPREFIX: "300xs" is s000 … s299.
import { writeFileSync } from 'node:fs';

const [out, days, envList, ...specs] = process.argv.slice(2);
const environments = envList.split(',');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHECK = 15 * MINUTE;
const now = Math.floor(Date.now() / MINUTE) * MINUTE;
const start = now - Number(days) * DAY;
const checks = Math.floor((now - start) / CHECK);
const iso = (t) => new Date(t).toISOString();

function random(seed) { // mulberry32
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const parse = (v) => v.split('.').map(Number);
const compare = (a, b) => { const x = parse(a); const y = parse(b); for (let i = 0; i < 3; i++) { if (x[i] !== y[i]) return x[i] - y[i]; } return 0; };
const previous = (v) => { const [a, b, c] = parse(v); return c > 0 ? `${a}.${b}.${c - 1}` : b > 0 ? `${a}.${b - 1}.3` : `${a - 1}.9.0`; };

function history(name, targets) {
  const rnd = random(name);
  const last = [...targets].sort(compare).at(-1);
  // Releases, newest first: the versions the environments end on, and older ones every 2 to 6 days before.
  const releases = [...new Set(targets)].sort(compare).reverse();
  let t = now - (6 + rnd() * 30) * HOUR;
  const times = new Map([[last, t]]);
  for (let v = previous(releases.at(-1)); t > start - 8 * DAY; v = previous(v)) {
    t -= (2 + rnd() * 4) * DAY;
    releases.push(v);
    times.set(v, t);
  }
  releases.reverse();
  releases.forEach((v, i) => { if (!times.has(v)) times.set(v, times.get(last) - (releases.length - i) * DAY); });
  // Where each version arrives in each environment: the first at release, each next one some hours or days later.
  const events = [];
  environments.forEach((env, j) => {
    let prev = -Infinity;
    for (const v of releases) {
      if (compare(v, targets[j]) > 0) break;
      const upstreamOnly = j > 0 && compare(v, targets[0]) > 0; // a hotfix deployed downstream directly
      let at = upstreamOnly ? now - (2 + rnd() * 20) * HOUR : times.get(v) + j * (4 + rnd() * 60) * HOUR;
      at = Math.max(at, prev + HOUR);
      if (at > now - 10 * MINUTE) at = now - 10 * MINUTE - (environments.length - j) * MINUTE;
      prev = at;
      events.push({ at, env, kind: 'VERSION', value: v });
    }
    const incidents = j === environments.length - 1 ? 1 + Math.floor(rnd() * 2) : Math.floor(rnd() * 2);
    for (let k = incidents; k > 0; k--) { // incidents: down (or degraded) for 20 minutes to 4 hours
      const at = start + rnd() * (now - start - 6 * HOUR);
      events.push({ at, env, kind: 'HEALTH', value: rnd() < 0.7 ? 'DOWN' : 'DEGRADED' });
      events.push({ at: at + (20 + rnd() * 220) * MINUTE, env, kind: 'HEALTH', value: 'UP' });
    }
  });
  events.sort((a, b) => a.at - b.at);
  // Replayed as envparity would have seen it: the first state at the first check, then every change.
  const state = {};
  const transitions = [];
  const open = {};
  const opened = (key, status, at) => {
    if (!open[key]) { open[key] = { since: iso(at), sinceCheck: Math.max(1, Math.floor((at - start) / CHECK) + 1), status }; transitions.push({ at: iso(at), kind: 'OPENED', value: key }); }
  };
  const closed = (key, at) => { if (open[key]) { delete open[key]; transitions.push({ at: iso(at), kind: 'CLOSED', value: key }); } };
  for (const e of events) {
    const first = e.at < start;
    const at = Math.max(e.at, start);
    const s = state[e.env] ??= { health: 'UP', healthSince: iso(start) };
    if (e.kind === 'VERSION') { s.version = e.value; s.versionSince = iso(at); } else { s.health = e.value; s.healthSince = iso(at); }
    if (first) continue;
    transitions.push({ at: iso(at), kind: e.kind, environment: e.env, value: e.value });
    environments.slice(0, -1).forEach((up, j) => {
      const down = environments[j + 1];
      const key = `VERSION_DRIFT ${up} ${down}`;
      if (state[up]?.version && state[down]?.version && state[up].version !== state[down].version) opened(key, 'PROMOTION_PENDING', at); else closed(key, at);
    });
    const key = `UNHEALTHY ${e.env}`;
    if (s.health === 'UP') closed(key, at); else opened(key, 'UNHEALTHY', at);
  }
  const initial = environments.flatMap((env) => [
    { at: iso(start), kind: 'VERSION', environment: env, value: state[env].version === undefined ? releases[0] : firstVersion(events, env, releases[0]), initial: true },
    { at: iso(start), kind: 'HEALTH', environment: env, value: 'UP', initial: true }]);
  return {
    version: 1, observedAt: iso(now - MINUTE), environments: state, findings: open,
    transitions: [...initial, ...transitions].slice(-1500), expiresAt: iso(now + 90 * DAY),
  };
}

function firstVersion(events, env, fallback) {
  const before = events.filter((e) => e.env === env && e.kind === 'VERSION' && e.at < start).at(-1);
  return before ? before.value : fallback;
}

const services = {};
for (const spec of specs) {
  const [name, versions] = spec.split(':');
  const many = /^(\d+)x(.+)$/.exec(name);
  const names = many ? Array.from({ length: Number(many[1]) }, (_, i) => many[2] + String(i).padStart(3, '0')) : [name];
  for (const n of names) {
    const targets = versions ? versions.split('/') : environments.map(() => `1.${n.length % 7 + 2}.0`);
    services[n] = history(n, targets);
  }
}
writeFileSync(out, JSON.stringify({ checks, services }));
console.log(`${Object.keys(services).length} services, ${Object.values(services).reduce((n, s) => n + s.transitions.length, 0)} transitions, ${days} days: ${out}`);
