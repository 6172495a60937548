/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/core',
    '<rootDir>/cli',
    '<rootDir>/scripts',
    '<rootDir>/test',
    '<rootDir>/ui',
    '<rootDir>/addin',
    '<rootDir>/appsscript',
  ],
  testMatch: ['**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/siapkan-fast-check.ts'],
  transform: {
    // Type checking runs once in `npm run typecheck`; here we only transpile, which keeps jest fast.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // CI runs on a fresh machine of unknown speed: a 5.4 s test here took over jest's default 5 s
  // there. Long tests still name their own limit; this is the floor for the rest.
  testTimeout: 20_000,
};
