// Types for the parts of s3rver 3.7 (which ships none) that the local runtime uses.
declare module 's3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface S3rverBucketConfig {
    name: string;
    /** XML documents: `CORSConfiguration` or `WebsiteConfiguration`. */
    configs?: (string | Buffer)[];
  }

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    serviceEndpoint?: string;
    configureBuckets?: S3rverBucketConfig[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets (idempotent) and applies their configs. */
    configureBuckets(): Promise<void>;
    /** Koa's request listener, for a server we own. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    logger: { close(): void };
    /** S3-shaped notifications (`ObjectCreated:Post`, `:Put`, `:Copy`, `ObjectRemoved:Delete`), one record each. */
    on(event: 'event', listener: (event: import('aws-lambda').S3Event) => void): this;
    /** Where objects live: `<directory>/<bucket>/<key>._S3rver_<kind>` files. */
    store: {
      getResourcePath(bucket: string, key: string, kind: string): string;
      deleteObject(bucket: string, key: string): Promise<void>;
    };
  }

  export default S3rver;
}
