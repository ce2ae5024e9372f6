// Starts the built site as `npm start` runs it (build/server.js, the bundled app/http-server.server.ts, in front of build/index.js) on a free port and waits until
// /healthcheck answers. Shared by the browser tests and the bench.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT } from "../setup/constants";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type Served = {
  url: string;
  port: number;
  /** SIGTERM, then waits for the process to end. */
  stop: () => Promise<void>;
  /** SIGKILL, as a crash would, then waits. */
  kill: () => Promise<void>;
  /** Everything the server has written to stdout and stderr so far. */
  output: () => string;
};

export async function serveBuilt(dbFile: string, env: Record<string, string> = {}): Promise<Served> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js")) || !fs.existsSync(path.join(ROOT, "build/server.js"))) {
    throw new Error("The site is not built: run `npm run build` (npm test does it for you).");
  }
  const port = await freePort();
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbFile,
      MAP_TILE_URL: "",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The site stopped while starting:\n${output}`);
    const ok = await fetch(`${url}/healthcheck`).then(
      (r) => r.ok,
      () => false, // not listening yet
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The site did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise((r) => child.once("exit", r));
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port, stop: () => end("SIGTERM"), kill: () => end("SIGKILL"), output: () => output };
}
