// Starts dynalite (an in-memory DynamoDB) on 127.0.0.1 and an ephemeral port and prints "port <n>".
// It runs until its stdin closes, so it ends with the test that started it, whatever happens to that test.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const dynalite = require('dynalite');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => {
  console.log(`port ${server.address().port}`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
