import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(__dirname, "..");
const alias = { "~": path.join(root, "app") };

export default defineConfig({
  root,
  // The global setup imports app code too.
  resolve: { alias },
  test: {
    globalSetup: ["tests/setup/global-setup.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          root,
          include: ["tests/unit/**/*.test.{ts,tsx}", "tests/routes/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/db-setup.ts"],
          environment: "node",
          pool: "forks",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "browser",
          root,
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          // One browser and one server at a time: CI machines have two cores.
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
