// Benchmark stub environments: one HTTP server per environment (dev, staging, production) on an ephemeral
// loopback port; every service's health and version endpoint answers after a fixed latency, without
// blocking a thread per request. Writes OUT_DIR/parity.yaml describing the fleet, then runs until killed.
//
//   node bench/stub-fleet.mjs SERVICES LATENCY_MS OUT_DIR [hang]
//
// With "hang", production's health endpoint of service s000 accepts the request and never answers.
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [services, latency, outDir, mode] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4], process.argv[5]];
const environments = ['dev', 'staging', 'production'];
const health = JSON.stringify({ status: 'UP', components: { db: { status: 'UP' }, ping: { status: 'UP' } } });
const info = (version) => JSON.stringify({ build: { version, time: '2026-11-20T10:00:00Z' }, git: { commit: { id: 'abc1234' } } });

const listen = (env) => new Promise((resolve) => {
  const server = http.createServer((req, res) => {
    if (mode === 'hang' && env === 'production' && req.url === '/s000/actuator/health') {
      return; // accepted, never answered
    }
    setTimeout(() => {
      const body = req.url.endsWith('/health') ? health : info(env === 'production' ? '1.0.0' : '1.1.0');
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    }, latency);
  });
  server.keepAliveTimeout = 0;
  server.listen(0, '127.0.0.1', 4096, () => resolve(server.address().port));
});

const ports = await Promise.all(environments.map(listen));
let yaml = 'parity:\n  environments: [dev, staging, production]\n  fail-on: never\n  defaults:\n    timeout: 2s\n  services:\n';
for (let s = 0; s < services; s++) {
  const name = 's' + String(s).padStart(3, '0');
  yaml += `    ${name}:\n      urls:\n`;
  environments.forEach((env, i) => { yaml += `        ${env}: http://127.0.0.1:${ports[i]}/${name}\n`; });
}
writeFileSync(join(outDir, 'parity.yaml'), yaml);
console.log('ready', ports.join(' '));
