import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A port nothing listens on right now (the OS picks it), for servers that cannot be told to use port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
