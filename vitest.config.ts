// Two projects: unit tests (domain, schemas, CDK) and integration tests against one local runtime process.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/cdk/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          // Files run in parallel against the one runtime the global setup started.
          fileParallelism: true,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
