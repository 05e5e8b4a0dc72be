import { createServer } from 'node:http';

/**
 * The start-up baseline: the smallest HTTP server that answers GET /api/health, started the same way as
 * ieum (node --import tsx), so the difference is what ieum itself does before it is ready.
 */
const server = createServer((request, response) => {
  if (request.url === '/api/health') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
    return;
  }
  response.writeHead(404).end();
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
