import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [
      "target/**",
      "pkg/**",
      "dist/**",
      "node_modules/**",
      "src/core/**",
      "fuzz/**",
      "bench/out/**",
      "e2e/out/**",
    ],
  },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["extension/content.js"],
    languageOptions: { sourceType: "script" },
  },
];
