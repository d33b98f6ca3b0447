// A stand-in for the AWS Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) on
// an ephemeral loopback port, for one cold start: the runtime interface client polls /invocation/next, gets one
// event, posts its response. Prints the timings as JSON (ms since this stand-in started), then exits.
//
//   node bench/lambda-runtime-api.mjs PORT_FILE EVENT_JSON
//   -> {"ready": <first poll: the function's init is done>, "response": <its answer>, "error": ...}
import http from 'node:http';
import { writeFileSync } from 'node:fs';

const [portFile, event] = [process.argv[2], process.argv[3]];
const t0 = performance.now();
const timings = {};
const base = '/2018-06-01/runtime';

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const now = Math.round(performance.now() - t0);
    if (req.method === 'GET' && req.url === `${base}/invocation/next`) {
      if (timings.ready !== undefined) {
        return; // the second poll: leave it waiting, we are done
      }
      timings.ready = now;
      res.writeHead(200, {
        'content-type': 'application/json',
        'lambda-runtime-aws-request-id': 'bench-1',
        'lambda-runtime-deadline-ms': String(Date.now() + 900_000),
        'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:us-east-1:000000000000:function:envparity',
        'lambda-runtime-trace-id': 'Root=1-00000000-000000000000000000000000',
      });
      timings.sent = Math.round(performance.now() - t0);
      return res.end(event);
    }
    res.writeHead(202, { 'content-type': 'application/json' });
    res.end('{}');
    if (req.url.endsWith('/response')) {
      timings.response = now;
      try {
        timings.durationMs = JSON.parse(body).durationMs;
      } catch {
        timings.error = 'not a JSON report: ' + body.slice(0, 200);
      }
    } else {
      timings.error = body.slice(0, 300);
    }
    console.log(JSON.stringify(timings));
    process.exit(0);
  });
});
server.listen(0, '127.0.0.1', () => writeFileSync(portFile, String(server.address().port)));
