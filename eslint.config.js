// ESLint 9 flat config. Not type-aware (no parserOptions.project): `npm run typecheck` (tsc) is the type gate,
// and this keeps `npm run lint` to seconds.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const JSX = ["**/*.{jsx,tsx}"];

export default tseslint.config(
  {
    ignores: [
      "build/",
      "public/build/",
      "public/assets/",
      "node_modules/",
      ".cache/",
      "data/",
      "db/data/",
      "db/migrations/",
      "tests/artifacts/",
      "tests/.tmp/",
      // What `npm run bench` builds and keeps between runs (the national dataset, a bare Remix app).
      "tests/.bench-cache/",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  // React, for JSX files: the JSX runtime (no `import React`), and no prop-types (TypeScript types the props).
  { ...react.configs.flat.recommended, files: JSX },
  { ...react.configs.flat["jsx-runtime"], files: JSX },
  {
    files: JSX,
    settings: { react: { version: "detect" } },
    rules: {
      "react/prop-types": "off",
    },
  },
  // Hooks live in app/ only (in .tsx and .ts files alike); tests/e2e has vitest helpers named use*, which are no React hooks.
  // The classic two rules; plugin v7's React Compiler rules (its "recommended") are not used: the app has no React Compiler.
  {
    files: ["app/**/*.{js,jsx,ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  { ...jsxA11y.flatConfigs.recommended, files: JSX },
  {
    files: JSX,
    rules: {
      // Recommended, plus role="region": a labelled, scrollable table wrapper must take focus so keyboard users can scroll it
      // (WCAG 2.1.1; axe's scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
    },
  },

  // Imports: the "~/*" alias from tsconfig.json resolves through eslint-import-resolver-typescript,
  // so no-cycle follows them. Type-only imports are erased at build time and are not counted as cycles.
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json", alwaysTryTypes: true })],
      "import-x/internal-regex": "^~/",
    },
    rules: {
      // tsc already reports unresolved modules, and named/default mismatches, with the project's own resolution.
      "import-x/no-unresolved": "off",
      "import-x/named": "off",
      "import-x/namespace": "off",
      "import-x/default": "off",
      "import-x/no-named-as-default-member": "off",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-duplicates": ["error", { "prefer-inline": true }],
      // Today's order: node builtins, then packages, then the project's own modules ("~/" and relative) in one block,
      // with no blank lines between. Autofixable.
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", ["internal", "parent", "sibling", "index"]],
          "newlines-between": "never",
        },
      ],
    },
  },

  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["tests/**"],
    languageOptions: { globals: { ...globals.vitest } },
  },

  // Last: turn off every stylistic rule that Prettier owns.
  prettier,
);
