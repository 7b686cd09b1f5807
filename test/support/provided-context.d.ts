// What the integration tests' global setup provides to every test (`inject('baseUrl')`…).
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the runtime process the global setup started, e.g. `http://127.0.0.1:40123`. */
    baseUrl: string;
    /** That runtime's data directory (its token signing key lives there). */
    dataDir: string;
    /** Its DynamoDB Local endpoint, for the few tests that must arrange what time alone would (a long wait). */
    dynamodbEndpoint: string;
    /** Its s3rver endpoint, for tests that look at the documents bucket itself (bucket `motcua-documents`). */
    s3Endpoint: string;
  }
}

export {};
