// @ts-check
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = dirname(fileURLToPath(import.meta.url));
const NODE_BUILTINS = new Set(builtinModules);

/**
 * The layer table of DESIGN.md. Each layer lists what it may import: other layers, `node` (Node
 * built-ins), `electron`, `npm` (any package) or `npm:<name>` (only that package).
 * @type {Record<string, string[]>}
 */
const ALLOWED = {
  shared: ['shared', 'npm:zod'],
  services: ['shared', 'services', 'node', 'npm'],
  flows: ['shared', 'services', 'flows', 'node', 'npm'],
  main: ['shared', 'services', 'flows', 'main', 'preload', 'sandbox', 'cli', 'node', 'npm', 'electron'],
  preload: ['preload', 'shared/ipc', 'electron'],
  sandbox: ['shared', 'services', 'sandbox', 'node', 'npm'],
  cli: ['shared', 'services', 'flows', 'cli', 'node', 'npm'],
  renderer: ['shared', 'renderer', 'npm'],
};

/** @param {string} absolutePath */
function layerOf(absolutePath) {
  const path = relative(ROOT, absolutePath).split(sep).join('/');
  if (path.startsWith('shared/ipc/')) return 'shared/ipc';
  if (path.startsWith('shared/')) return 'shared';
  if (path.startsWith('renderer/')) return 'renderer';
  const match = /^electron\/(services|flows|main|preload|sandbox|cli)\//.exec(path);
  return match ? match[1] : null;
}

/**
 * @param {string} specifier
 * @param {string} fromFile
 */
function targetOf(specifier, fromFile) {
  if (specifier.startsWith('.')) {
    const layer = layerOf(resolve(dirname(fromFile), specifier));
    return { kind: layer ?? 'outside', label: specifier };
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { kind: 'electron', label: specifier };
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '')) {
    return { kind: 'node', label: specifier };
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return { kind: `npm:${name}`, label: specifier };
}

/**
 * @param {string} layer
 * @param {string} kind
 */
function isAllowed(layer, kind) {
  const allowed = ALLOWED[layer === 'shared/ipc' ? 'shared' : layer] ?? [];
  if (allowed.includes(kind)) return true;
  if (kind === 'shared/ipc' && allowed.includes('shared')) return true;
  if (kind.startsWith('npm:') && allowed.includes('npm')) return true;
  return false;
}

/** A local rule: every import must be allowed by the layer table. */
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layer table in DESIGN.md' },
    schema: [],
    messages: {
      forbidden:
        "Layer '{{layer}}' may not import '{{target}}' ({{kind}}). See the layer table in README.md / DESIGN.md.",
    },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    const layer = layerOf(context.filename);
    if (!layer) return {};
    // Test files may also import the test runner and, in electron/, the GitHub-compatible server: it is
    // the real part GitHub tests run against (DESIGN.md), not a dependency of the code under test.
    const isTest = /\.test\.tsx?$/.test(context.filename);
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = targetOf(source.value, context.filename);
      if (isTest && target.kind === 'npm:vitest') return;
      if (isTest && target.kind === 'sandbox' && layer !== 'renderer' && layer !== 'shared') return;
      if (!isAllowed(layer, target.kind)) {
        context.report({
          node: source,
          messageId: 'forbidden',
          data: { layer, target: target.label, kind: target.kind },
        });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layers: { rules: { imports: layerImports } } },
    rules: {
      'layers/imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'Focused tests (.only) must not be committed.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['electron/**/*.ts', 'e2e/**/*.{ts,mjs}', '*.config.{ts,js}', 'eslint.config.js'],
    languageOptions: { globals: globals.node },
  },
);
