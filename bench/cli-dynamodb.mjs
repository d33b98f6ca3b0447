// The DynamoDB state store in one CLI check: `java -jar envparity-runner.jar check` with parity.notify.state.store
// dynamodb (dynalite, in this process) against the same check with the memory store, alternating, on one service
// and one webhook target (one state read, one conditional write). Prints per run the whole process' wall time, and
// for DynamoDB when its first request arrived (ms after the JVM was started); then medians.
//
//   node bench/cli-dynamodb.mjs JAR_DIR RUNS        (JAR_DIR holds envparity-runner.jar and lib/)
import http from 'node:http';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [jarDir, runs] = [resolve(process.argv[2]), Number(process.argv[3] || 5)];
const require = createRequire(resolve('src/test/dynalite/package.json'));
const dynalite = require('dynalite')({ createTableMs: 0 });
const listen = (server) => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server.address().port)));

let firstRequest = null;
dynalite.on('request', () => { firstRequest ??= performance.now(); });
const dynamoPort = await listen(dynalite);
const ddb = async (target, body) => {
  const res = await fetch(`http://127.0.0.1:${dynamoPort}/`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}`, 'x-amz-date': '20260101T000000Z',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00' },
  });
  return res.json();
};
await ddb('CreateTable', { TableName: 'bench', BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });
while ((await ddb('DescribeTable', { TableName: 'bench' })).Table.TableStatus !== 'ACTIVE') { /* dynalite: at once */ }

const stub = http.createServer((req, res) => {
  const body = req.url.endsWith('/health') ? '{"status":"UP"}' : req.url.endsWith('/info') ? '{"build":{"version":"1.0.0"}}' : 'ok';
  res.writeHead(200, { 'content-type': req.url.startsWith('/hook') ? 'text/plain' : 'application/json' });
  res.end(body);
});
const stubPort = await listen(stub);
const dir = mkdtempSync(join(tmpdir(), 'envparity-bench-'));
const config = join(dir, 'parity.yaml');
writeFileSync(config, `parity:
  environments: [staging, production]
  services:
    checkout:
      urls: { staging: "http://127.0.0.1:${stubPort}", production: "http://127.0.0.1:${stubPort}" }
  notify:
    targets:
      chat: { type: webhook, url: "http://127.0.0.1:${stubPort}/hook", policy: always }
`);

const check = (store) => new Promise((done) => {
  firstRequest = null;
  const started = performance.now();
  const java = spawn('java', ['-XX:TieredStopAtLevel=1', `-Dquarkus.config.locations=${config}`,
    `-Dparity.notify.state.store=${store}`, '-Dparity.notify.state.table=bench', '-Dparity.aws.region=us-east-1',
    '-jar', join(jarDir, 'envparity-runner.jar'), 'check'], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench-secret', AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamoPort}`, 'PARITY_AWS_ENDPOINTS_DYNAMODB': `http://127.0.0.1:${dynamoPort}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  java.stderr.on('data', (d) => { err += d; });
  java.on('exit', (code) => {
    const wall = performance.now() - started;
    if (code !== 0) {
      console.error(`exit ${code}: ${err}`);
      process.exit(1);
    }
    done({ wall, first: firstRequest === null ? null : firstRequest - started });
  });
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const rows = { memory: [], dynamodb: [], first: [] };
console.log('run load memory_ms dynamodb_ms first_dynamodb_request_ms');
for (let run = 1; run <= runs; run++) {
  const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join('/');
  const memory = await check('memory');
  const dynamo = await check('dynamodb');
  rows.memory.push(memory.wall);
  rows.dynamodb.push(dynamo.wall);
  rows.first.push(dynamo.first);
  console.log(run, load, Math.round(memory.wall), Math.round(dynamo.wall), Math.round(dynamo.first));
}
console.log(`median memory ${Math.round(median(rows.memory))} ms, dynamodb ${Math.round(median(rows.dynamodb))} ms `
  + `(+${Math.round(median(rows.dynamodb) - median(rows.memory))}), first DynamoDB request at ${Math.round(median(rows.first))} ms`);
stub.close();
dynalite.close();
