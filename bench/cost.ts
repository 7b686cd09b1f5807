// Prints docs/cost.md's table, the cost of 100,000 applications, from a benchmark run (`npm run bench` writes
// .bench/submit-run.json) and the published prices below, each with its region, its source and when it was read.
// The submission is priced from the citizen's journey in Chromium when `npx tsx bench/journey.ts` wrote
// .bench/journey-run.json (its pages, files, API calls and bytes measured), else from the Node client's run.
// Usage: npx tsx bench/cost.ts [run.json=.bench/submit-run.json] [journey.json=.bench/journey-run.json]
//        npx tsx bench/cost.ts --node-client   (the Node client's submission even when a journey run exists)
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { groupMemorySize } from '../cdk/constructs/functions';
import { NOTIFIER_MEMORY_MB } from '../cdk/constructs/notifications';
import { SIGNER_MEMORY_MB } from '../cdk/constructs/signing';
import { TALLIES_MEMORY_MB } from '../cdk/constructs/stream-tallies';
import { JANITOR_MEMORY_MB, VERIFIER_MEMORY_MB } from '../cdk/constructs/uploads';
import { WEBHOOK_DELIVERY_MEMORY_MB, WEBHOOK_FANOUT_MEMORY_MB } from '../cdk/constructs/webhooks';
import type { DeployedGroup } from '../functions/routes';
import { REPO_ROOT } from '../local/runtime';
import { builtPageFiles, firstLoad } from '../web/build/site-files';
import { type BrowserTraffic, cloudFrontShare } from './browser-traffic';
import type { ClientTraffic } from './counted-runtime';
import { byWhere, type Counts, isDeployedFunction, TABLE_UNITS, writesPerRequest } from './sdk-calls';

const APPLICATIONS = 100_000;
/** When the prices were read (from the stored copies of the pages named beside each). */
const READ_ON = '2026-11-28';

interface Price {
  readonly usd: number;
  readonly per: string;
  readonly region: string;
  readonly source: string;
  /** Not a price read on a published page of the provider: an estimate, said so in the table. */
  readonly estimate?: string;
}

/** Published list prices, on demand, without free tiers. us-east-1 where no other region is named. */
const PRICES = {
  apiRequest: {
    usd: 1.0 / 1e6,
    per: 'HTTP API request (first 300 M a month)',
    region: 'us-east-1',
    source:
      'docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html',
  },
  lambdaRequest: {
    usd: 0.2 / 1e6,
    per: 'Lambda invocation',
    region: 'us-east-1',
    source: 'aws.amazon.com/lambda/pricing (figure as quoted by cloudchipr.com/blog/aws-lambda-pricing)',
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: 'GB-second, arm64 (first 7.5 G GB-s a month)',
    region: 'us-east-1',
    source: 'aws.amazon.com/lambda/pricing (figure as quoted by cloudchipr.com/blog/aws-lambda-pricing)',
  },
  dynamoWrite: {
    usd: 0.625 / 1e6,
    per: 'write request unit, on demand',
    region: 'us-east-1',
    source:
      'aws.amazon.com/dynamodb/pricing/on-demand (figure as quoted by airbyte.com/data-engineering-resources/dynamodb-pricing)',
  },
  dynamoRead: {
    usd: 0.125 / 1e6,
    per: 'read request unit, on demand',
    region: 'us-east-1',
    source:
      'aws.amazon.com/dynamodb/pricing/on-demand (figure as quoted by airbyte.com/data-engineering-resources/dynamodb-pricing)',
  },
  s3Put: {
    usd: 0.005 / 1000,
    per: 'S3 PUT, COPY, POST or LIST request',
    region: 'us-east-1',
    source: 'aws.amazon.com/s3/pricing (figure as quoted by nops.io and deepeshsoni.com guides)',
  },
  s3Get: {
    usd: 0.0004 / 1000,
    per: 'S3 GET request',
    region: 'us-east-1',
    source: 'aws.amazon.com/s3/pricing (figure as quoted by nops.io and deepeshsoni.com guides)',
  },
  sesEmail: {
    usd: 0.1 / 1000,
    per: 'e-mail sent through SES',
    region: 'us-east-1',
    source: 'aws.amazon.com/ses/pricing (figure as quoted by acecloudinterviews.com/tutorials/aws/ses)',
  },
  cloudFrontGb: {
    usd: 0.12,
    per: 'GB to viewers in Vietnam (first 10 TB a month)',
    region: 'CloudFront, Vietnam price class',
    source: 'aws.amazon.com/cloudfront/pricing',
  },
  cloudFrontRequest: {
    usd: 0.012 / 10_000,
    per: 'HTTPS request',
    region: 'CloudFront, Vietnam price class',
    source: 'aws.amazon.com/cloudfront/pricing',
    estimate: 'the request price for this price class was not in the copy read; $0.012 per 10,000 assumed',
  },
  logsIngestGb: {
    usd: 0.5,
    per: 'GB of logs ingested (standard class)',
    region: 'us-east-1',
    source:
      'aws.amazon.com/cloudwatch/pricing (figure as quoted by c3x.dev/blog/cloudwatch-logs-cost-optimization)',
  },
  xrayTrace: {
    usd: 5 / 1e6,
    per: 'X-Ray trace recorded',
    region: 'us-east-1',
    source: 'aws.amazon.com/xray/pricing',
    estimate: 'not in the copies read; $5 per million traces assumed',
  },
  smsPart: {
    usd: 0.05,
    per: 'SMS part to a Vietnamese number',
    region: 'AWS End User Messaging SMS, from ap-southeast-1',
    source: 'aws.amazon.com/end-user-messaging/pricing',
    estimate: 'no published AWS price for Vietnam was found; $0.05 per part is a placeholder to replace',
  },
  s3StorageGbMonth: {
    usd: 0.023,
    per: 'GB-month, S3 Standard (first 50 TB)',
    region: 'us-east-1',
    source: 'aws.amazon.com/s3/pricing (figure as quoted by deepeshsoni.com and cloudtoggle.com guides)',
  },
  downloadGb: {
    usd: 0.09,
    per: 'GB from S3 to the internet (first 10 TB a month)',
    region: 'us-east-1',
    source: 'aws.amazon.com/s3/pricing',
    estimate: 'not in the copies read; $0.09 per GB assumed',
  },
} satisfies Record<string, Price>;

/** What the benchmark cannot measure locally, stated once. */
const ASSUMPTIONS = {
  /** Pages loaded in each journey (first loads, nothing cached): the applicant's, then the agency's and a look. */
  pageViews: { submission: 6, processing: 4 },
  /** Lambda's own START, END and REPORT lines (JSON log format) per invocation, in bytes. */
  platformLogBytes: 600,
  /** One EMF metric line (`countEvent`), in bytes; the local runtime turns metrics off. */
  metricLineBytes: 400,
  /** Share of API requests X-Ray records (default sampling: 1 a second, then 5 %). */
  tracedShare: 0.05,
  /** A real scan or photo, per document (the benchmark's files are tiny). */
  documentBytes: 1.5 * 1024 * 1024,
} as const;

interface Step {
  readonly counts: Counts;
  readonly client: ClientTraffic;
  readonly notifications: { channel: string; body: string }[];
  /** What the browser sent, when the step was measured in Chromium (bench/journey.ts). */
  readonly browser?: BrowserTraffic;
}

type Journey = 'submission' | 'processing';

interface Run {
  measuredAt: string;
  node: string;
  cpu: string;
  counted: { applications: number } & Record<Journey, Step> & {
      /** Each counted request's own calls: the submission and each official's action (older runs lack them). */
      requests?: Record<string, Counts>;
    };
}

/** bench/journey.ts's run: the submission only, from a browser. */
interface JourneyRun {
  measuredAt: string;
  browser: string;
  procedure: string;
  counted: { applications: number; submission: Step };
}

const GSM_BASIC = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/;
/** Parts an SMS is sent in: 160 GSM-7 characters (153 each when split), 70 UCS-2 ones (67) for anything else. */
export function smsParts(body: string): number {
  const [single, split] = GSM_BASIC.test(body) ? [160, 153] : [70, 67];
  const length = [...body].length;
  return length <= single ? 1 : Math.ceil(length / split);
}

function memoryOf(functionName: string): number {
  const name = functionName.replace(/^motcua-/, '');
  if (name === 'notifier') return NOTIFIER_MEMORY_MB;
  if (name === 'upload-verifier') return VERIFIER_MEMORY_MB;
  if (name === 'upload-janitor') return JANITOR_MEMORY_MB;
  if (name === 'result-signer') return SIGNER_MEMORY_MB;
  if (name === 'webhook-fanout') return WEBHOOK_FANOUT_MEMORY_MB;
  if (name === 'webhook-delivery') return WEBHOOK_DELIVERY_MEMORY_MB;
  if (name === 'tallies') return TALLIES_MEMORY_MB;
  return groupMemorySize(name as DeployedGroup);
}

interface Line {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly price: Price;
}

const GB = 1024 ** 3;
const sum = <T>(items: readonly T[], value: (item: T) => number) => items.reduce((t, i) => t + value(i), 0);
const cost = (rows: readonly Line[]) => sum(rows, (row) => row.quantity * row.price.usd * APPLICATIONS);

/** One journey's bill, per application, from its counts. */
function lines(step: Step, n: number, pageViews: number): Line[] {
  const invocations = step.counts.invocations.filter((i) => isDeployedFunction(i.functionName));
  const operations = step.counts.operations.filter((o) => isDeployedFunction(o.functionName));
  const apiRequests = sum(Object.values(step.client.apiRequests), (v) => v) / n;
  const s3Calls = (names: readonly string[]) =>
    sum(
      operations.filter((o) => o.service === 'S3' && names.includes(o.operation)),
      (o) => o.calls,
    ) / n;
  const lambdaCount = sum(invocations, (i) => i.invocations) / n;
  const gbSeconds = sum(invocations, (i) => (i.milliseconds / 1000) * (memoryOf(i.functionName) / 1024)) / n;
  const uploads = step.client.storagePosts / n;
  const actions = (step.client.apiRequests['POST /api/cases/{code}/actions'] ?? 0) / n;
  const submissions = (step.client.apiRequests['POST /api/applications'] ?? 0) / n;
  const metricLines = submissions + uploads + actions + step.notifications.length / n;
  const cloudFront = step.browser
    ? cloudFrontShare(step.browser, n)
    : assumedCloudFront(step, n, pageViews, apiRequests);
  const logBytes = lambdaCount * ASSUMPTIONS.platformLogBytes + metricLines * ASSUMPTIONS.metricLineBytes;
  return [
    {
      item: 'API Gateway (HTTP API) requests',
      quantity: apiRequests,
      unit: 'requests',
      price: PRICES.apiRequest,
    },
    { item: 'Lambda invocations', quantity: lambdaCount, unit: 'invocations', price: PRICES.lambdaRequest },
    {
      item: 'Lambda compute (measured locally)',
      quantity: gbSeconds,
      unit: 'GB-s',
      price: PRICES.lambdaArmGbSecond,
    },
    {
      item: 'DynamoDB writes',
      quantity: sum(operations, (o) => o.writeUnits) / n,
      unit: 'WRU',
      price: PRICES.dynamoWrite,
    },
    {
      item: 'DynamoDB reads',
      quantity: sum(operations, (o) => o.readUnits) / n,
      unit: 'RRU',
      price: PRICES.dynamoRead,
    },
    {
      item: 'S3 PUT/COPY/POST/LIST',
      quantity: uploads + s3Calls(['PutObject', 'CopyObject', 'ListObjectsV2', 'PutObjectTagging']),
      unit: 'requests',
      price: PRICES.s3Put,
    },
    {
      item: 'S3 GET',
      quantity: step.client.storageGets / n + s3Calls(['GetObject', 'HeadObject']),
      unit: 'requests',
      price: PRICES.s3Get,
    },
    {
      item: 'SES e-mails',
      quantity: step.notifications.filter((m) => m.channel === 'email').length / n,
      unit: 'e-mails',
      price: PRICES.sesEmail,
    },
    {
      item: 'CloudFront transfer (pages, API answers)',
      quantity: cloudFront.bytes / GB,
      unit: 'GB',
      price: PRICES.cloudFrontGb,
    },
    {
      item: 'CloudFront requests (page files, API calls)',
      quantity: cloudFront.requests,
      unit: 'requests',
      price: PRICES.cloudFrontRequest,
    },
    { item: 'CloudWatch Logs ingestion', quantity: logBytes / GB, unit: 'GB', price: PRICES.logsIngestGb },
    {
      item: 'X-Ray traces',
      quantity: apiRequests * ASSUMPTIONS.tracedShare,
      unit: 'traces',
      price: PRICES.xrayTrace,
    },
  ];
}

/** The mean first load of the built pages (gzip bytes, files), read from web/out once for every journey priced. */
let meanFirstLoadOnce: { pageBytes: number; pageFiles: number } | undefined;
function meanFirstLoad() {
  if (!meanFirstLoadOnce) {
    const pages = builtPageFiles().map((page) => firstLoad(page));
    meanFirstLoadOnce = {
      pageBytes: pages.length > 0 ? sum(pages, (p) => p.gzip) / pages.length : 0,
      pageFiles: pages.length > 0 ? sum(pages, (p) => p.files.length) / pages.length : 0,
    };
  }
  return meanFirstLoadOnce;
}

/**
 * Without a browser's measure: `pageViews` first loads of the mean built page (gzip), and the `apiRequests` calls
 * per application with their answers.
 */
function assumedCloudFront(step: Step, n: number, pageViews: number, apiRequests: number) {
  const { pageBytes, pageFiles } = meanFirstLoad();
  return {
    requests: pageViews * pageFiles + apiRequests,
    bytes: pageViews * pageBytes + step.client.apiResponseBytes / n,
  };
}

const smsLine = (step: Step, n: number): Line => ({
  item: 'SMS to Vietnam',
  quantity:
    sum(
      step.notifications.filter((m) => m.channel === 'sms'),
      (m) => smsParts(m.body),
    ) / n,
  unit: 'parts',
  price: PRICES.smsPart,
});

const usd = (value: number) => (value >= 0.995 ? `$${value.toFixed(2)}` : `$${value.toFixed(3)}`);
const quantity = (value: number) =>
  value === 0 ? '0' : value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2);

function priceText(price: Price): string {
  const amount =
    price.usd < 0.01 ? `$${Number((price.usd * 1e6).toPrecision(4))} per million` : `$${price.usd} per`;
  return `${amount} ${price.per}, ${price.region}${price.estimate ? ' (estimate)' : ''}`;
}

function table(rows: readonly Line[]): string[] {
  return [
    '| item | per application | unit price | per 100,000 applications |',
    '| --- | ---: | --- | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.item} | ${quantity(row.quantity)} ${row.unit} | ${priceText(row.price)} | ` +
        `${usd(row.quantity * row.price.usd * APPLICATIONS)} |`,
    ),
  ];
}

/**
 * Where the write units go: each request's writes by the table and each index (`ReturnConsumedCapacity: 'INDEXES'`),
 * so that what an index's projection costs is read off a run rather than guessed.
 */
function writeUnitsTable(requests: Record<string, Counts>, n: number): string[] {
  const rows = Object.entries(requests).flatMap(([request, counts]) =>
    writesPerRequest(counts, n).map((writes) => ({ request, ...writes })),
  );
  const where = [...new Set(rows.flatMap((row) => Object.keys(row.writeUnitsBy)))].sort(byWhere);
  const units = (value: number | undefined) => (value ? quantity(value) : '–');
  return [
    `| request | operation | WRU | ${where.map((w) => (w === TABLE_UNITS ? w : `\`${w}\``)).join(' | ')} |`,
    `| --- | --- | ---: |${' ---: |'.repeat(where.length)}`,
    ...rows.map(
      (row) =>
        `| ${row.request} | ${row.operation} | ${units(row.writeUnits)} | ` +
        `${where.map((w) => units(row.writeUnitsBy[w])).join(' | ')} |`,
    ),
  ];
}

/** API requests per application by route, the browser's beside the Node client's. */
function apiRoutesTable(browser: Step, browserN: number, node: Step, nodeN: number): string[] {
  const routes = [
    ...new Set([...Object.keys(browser.client.apiRequests), ...Object.keys(node.client.apiRequests)]),
  ];
  const per = (step: Step, n: number, route: string) => quantity((step.client.apiRequests[route] ?? 0) / n);
  return [
    '| route | Chromium | Node client |',
    '| --- | ---: | ---: |',
    ...routes
      .sort()
      .map((route) => `| \`${route}\` | ${per(browser, browserN, route)} | ${per(node, nodeN, route)} |`),
  ];
}

function main() {
  const args = process.argv.slice(2);
  const files = args.filter((arg) => !arg.startsWith('--'));
  const file = files[0] ?? join(REPO_ROOT, '.bench', 'submit-run.json');
  const journeyFile = files[1] ?? join(REPO_ROOT, '.bench', 'journey-run.json');
  const run = JSON.parse(readFileSync(file, 'utf8')) as Run;
  const journey =
    !args.includes('--node-client') && existsSync(journeyFile)
      ? (JSON.parse(readFileSync(journeyFile, 'utf8')) as JourneyRun)
      : undefined;
  const n = run.counted.applications;
  const nodeSubmission = lines(run.counted.submission, n, ASSUMPTIONS.pageViews.submission);
  // The submission as a browser makes it, when measured; else the Node client's with its pages assumed.
  const submitted = journey
    ? { step: journey.counted.submission, n: journey.counted.applications }
    : { step: run.counted.submission, n };
  const submission = journey ? lines(submitted.step, submitted.n, 0) : nodeSubmission;
  const processing = lines(run.counted.processing, n, ASSUMPTIONS.pageViews.processing);
  const withoutEmail = (rows: readonly Line[]) => rows.filter((row) => row.price !== PRICES.sesEmail);
  const documents = submitted.step.client.storagePosts / submitted.n;
  const downloads = run.counted.processing.client.storageGets / n;
  const apart: Line[] = [
    { ...smsLine(submitted.step, submitted.n), item: 'SMS to Vietnam, on submission' },
    { ...smsLine(run.counted.processing, n), item: 'SMS to Vietnam, on the later status changes' },
    {
      item: `Documents kept, each month (${(ASSUMPTIONS.documentBytes / 1024 / 1024).toFixed(1)} MB a document)`,
      quantity: (documents * ASSUMPTIONS.documentBytes) / GB,
      unit: 'GB-month',
      price: PRICES.s3StorageGbMonth,
    },
    {
      item: 'Documents downloaded by the agency (same size)',
      quantity: (downloads * ASSUMPTIONS.documentBytes) / GB,
      unit: 'GB',
      price: PRICES.downloadGb,
    },
  ];
  const fromJourney = journey
    ? [
        `The submission: ${journey.counted.applications} citizens' journeys in ${journey.browser} (${journey.procedure}), ` +
          `measured ${journey.measuredAt} (\`npx tsx bench/journey.ts\`, ${relative(REPO_ROOT, journeyFile)}).`,
      ]
    : [];
  const submissionTitle = journey
    ? [
        '**The submission**, as a citizen makes it in Chromium at 360 px on a first visit (HTTP cache on, the pages through',
        "a stand-in for CloudFront's caching and compression): the home page, the procedure, sign-in, the wizard's steps",
        '(each saving the draft), the PDF uploaded and its verdict, check your answers, the submission and its',
        'notifications, the confirmation, the case page once.',
      ]
    : [
        '**The submission**: the form loads its procedure, the upload, its verdict, the submission, its notifications.',
      ];
  const comparison = journey
    ? [
        '',
        `**The submission, browser against Node client** (${relative(REPO_ROOT, file)}: 4 API calls, its pages assumed), ` +
          'per 100,000 applications without SMS: ' +
          `${usd(cost(submission))} against ${usd(cost(nodeSubmission))}; without SMS or e-mail ` +
          `${usd(cost(withoutEmail(submission)))} against ${usd(cost(withoutEmail(nodeSubmission)))}. ` +
          'API requests per application by route:',
        '',
        ...apiRoutesTable(submitted.step, submitted.n, run.counted.submission, n),
      ]
    : [];
  const pagesAssumed = journey
    ? "the submission's pages, files, API calls and their bytes measured in Chromium (of sign-in, the site's own " +
      "/signin/ page counts; the local runtime's demo calls do not: on AWS Cognito's hosted pages make them, billed per " +
      'monthly active user), ' +
      `${ASSUMPTIONS.pageViews.processing} page views in the case afterwards (first loads, the mean of the built pages)`
    : `${ASSUMPTIONS.pageViews.submission} and ${ASSUMPTIONS.pageViews.processing} page views in the two journeys ` +
      '(first loads, the mean of the built pages)';
  const out = [
    `Measured ${run.measuredAt} (${n} applications counted${journey ? ' by the Node client: the case afterwards' : ''}, ` +
      `node ${run.node}, ${run.cpu}). ` +
      `Prices read ${READ_ON}: list prices, on demand, without free tiers.`,
    ...fromJourney,
    '',
    ...submissionTitle,
    '',
    ...table(submission),
    '',
    '**The case afterwards**: the queue, the case and its document, receive, approve, the result PDF uploaded and',
    'issued (each notified), its signing (notified too), the applicant reading the case once.',
    '',
    ...table(processing),
    '',
    '**Bottom line**, per 100,000 applications:',
    '',
    '| | submission | its whole life |',
    '| --- | ---: | ---: |',
    `| without SMS | ${usd(cost(submission))} | ${usd(cost(submission) + cost(processing))} |`,
    `| without SMS or e-mail | ${usd(cost(withoutEmail(submission)))} | ${usd(cost(withoutEmail(submission)) + cost(withoutEmail(processing)))} |`,
    `| SMS (placeholder price) | ${usd(cost([apart[0]!]))} | ${usd(cost(apart.slice(0, 2)))} |`,
    ...comparison,
    '',
    '**Apart**: SMS (a province’s choice, priced here at a placeholder), and what the size of files decides.',
    '',
    ...table(apart),
    '',
    ...(run.counted.requests
      ? [
          '**Where the write units go**: the write units of one request, on the table and on each index, as',
          "DynamoDB reports them (`ReturnConsumedCapacity: 'INDEXES'`). A put of an item writes it again to every",
          'index whose keys it carries, at the size that index projects; a change of an index key is a delete and a',
          'put there; each item of a transaction costs twice.',
          '',
          ...writeUnitsTable(run.counted.requests, n),
          '',
        ]
      : []),
    'Sources and estimates:',
    '',
    ...Object.values(PRICES).map(
      (price: Price) =>
        `- ${price.per} (${price.region}): ${price.source}${price.estimate ? `; **estimate**: ${price.estimate}` : ''}`,
    ),
    '',
    `Assumptions: ${pagesAssumed}, ` +
      `${ASSUMPTIONS.platformLogBytes} bytes of Lambda platform log per invocation, ${ASSUMPTIONS.metricLineBytes} bytes ` +
      `per metric line, ${ASSUMPTIONS.tracedShare * 100} % of API requests traced.`,
  ];
  console.log(out.join('\n'));
}

main();
