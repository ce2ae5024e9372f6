// `npm start`: builds only when there is no build or a source file is newer than it, so a restart
// serves its first page in seconds instead of rebuilding every time (issue 17).
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const outputs = ["build/index.js", "build/server.js", "public/assets/app.css"].map((f) => path.join(root, f));
const inputs = ["app", "package-lock.json", "remix.config.js", "tsconfig.json"].map((f) => path.join(root, f));

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
const changed = Math.max(...inputs.filter((f) => fs.existsSync(f)).map(newest));
if (changed > built) {
  console.log(built === 0 ? "no build yet: building" : "sources changed since the last build: building");
  execSync("npm run build", { stdio: "inherit" });
}
