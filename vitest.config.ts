// Two projects: unit tests (domain, schemas, CDK) and integration tests against one local runtime process.
// Timeouts only stop a test that hangs: they are far above what any test takes on a loaded 2-core machine, and
// no test may depend on the machine's speed (costs are measured by the benchmarks in bench/).
import { defineConfig } from 'vitest/config';

/** The AWS SDK warns, once per process, that Node 20 will soon be too old; the Lambdas run Node 22. */
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/cdk/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts'],
          environment: 'node',
          env,
          globalSetup: ['test/support/global-setup.ts'],
          // Files run in parallel against the one runtime the global setup started: each test works with
          // accounts made for it (test/support/accounts.ts) and looks only at what it made.
          fileParallelism: true,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
