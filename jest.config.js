/** Two projects: unit specs beside the code, e2e against the real app with a real Redis. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
module.exports = {
  // Global only: Jest ignores testTimeout inside a project.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/utils/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/utils/contract-setup.ts'],
      globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
    },
  ],
};
