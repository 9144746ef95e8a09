// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries between the process folders (see ../shared/design/architecture.md). */
const outside = (...folders) =>
  folders.flatMap((folder) => [`../${folder}/*`, `../../${folder}/*`, `../../../${folder}/*`, `../../../../${folder}/*`]);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The build scripts and root configs are plain JS outside the TS projects (type-checked through JSDoc).
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'build/scripts/*.mjs'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24 },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a string-literal union (house style).' }],
      'no-console': 'error',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outside('electron', 'renderer', 'sync-server', 'test', 'build'), message: 'common/ imports nothing outside common/.' },
            { group: ['node:*', 'electron', 'electron/*', 'fs', 'path', 'react', 'rxdb', 'rxdb/*'], message: 'common/ is pure TypeScript without I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: outside('electron', 'sync-server', 'test', 'build'), message: 'The renderer only imports common/ and browser code.' },
            { group: ['node:*', 'electron', 'electron/*', 'fs', 'path', 'child_process', 'better-sqlite3', 'systeminformation'], message: 'The renderer is sandboxed: no Node or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: outside('renderer', 'sync-server', 'test'), message: 'electron/ imports common/ and Node only.' }] }],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: outside('renderer', 'electron', 'test'), message: 'sync-server/ imports common/ and Node only.' }] }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'build/**/*.mjs', '*.config.ts', '*.config.js'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  // The config itself is plain JS whose imported configs are loosely typed.
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
