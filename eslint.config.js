import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['node_modules/**', 'dist/**', 'output/**', 'bench/results/**', '.cache/**']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', performance: 'readonly', structuredClone: 'readonly', setImmediate: 'readonly'},
		},
		rules: {
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
			'no-console': 'off',
		},
	},
	{
		// Type-aware promise rules on the product code: a promise nobody awaits loses its error, and
		// an async function where a callback's result is ignored (an event handler) does too.
		files: ['src/**/*.ts'],
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
		},
	},
	{
		// CommonJS preloads (tests' NODE_OPTIONS=--require=...).
		files: ['**/*.cjs'],
		languageOptions: {sourceType: 'commonjs', globals: {require: 'readonly'}},
		rules: {'@typescript-eslint/no-require-imports': 'off'},
	},
);
