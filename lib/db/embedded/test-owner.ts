/**
 * For server.test.ts: a process that opens the embedded server on a folder (argv[2]), prints
 * `ready <started> <url>` and then waits to be killed, as the app's server would.
 */
import { openEmbeddedServer } from "./server";

void openEmbeddedServer(process.argv[2]!).then((server) => {
  console.log(`ready ${server.started} ${server.url}`);
  setInterval(() => {}, 60_000);
});
