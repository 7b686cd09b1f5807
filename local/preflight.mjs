// Checks what the local runtime needs before tsx starts (npm prestart/pretest): Node >= 20 and Java >= 17.
import { spawnSync } from 'node:child_process';

const MIN_NODE = 20;
const MIN_JAVA = 17;

const problems = [];

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < MIN_NODE) {
  problems.push(
    `Node.js ${MIN_NODE} or newer is required; this is ${process.version}.\n` +
      '  Install it from https://nodejs.org/ or with nvm: nvm install 20',
  );
}

const javaInstallHint =
  '  DynamoDB Local (the local database) runs on Java.\n' +
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
  '  macOS (Homebrew): brew install openjdk@17\n' +
  '  Or set JAVA_HOME / PATH so that `java -version` reports 17 or newer.';

// `java -version` prints to stderr, e.g. `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_392"`.
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error) {
  problems.push(
    `Java ${MIN_JAVA} or newer is required, but \`java\` was not found (${java.error.code ?? java.error.message}).\n${javaInstallHint}`,
  );
} else {
  const output = `${java.stderr}${java.stdout}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : Number.NaN;
  if (!(major >= MIN_JAVA)) {
    const found = match ? `Java ${major}` : `an unrecognised \`java -version\` output:\n${output.trim()}`;
    problems.push(`Java ${MIN_JAVA} or newer is required; found ${found}.\n${javaInstallHint}`);
  }
}

if (problems.length > 0) {
  console.error(`motcua: the local runtime cannot start:\n\n${problems.map((p) => `- ${p}`).join('\n\n')}\n`);
  process.exit(1);
}
