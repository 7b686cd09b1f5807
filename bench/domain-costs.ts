// Benchmark: what the domain's hot steps cost on this machine: verifying a tracking PIN (scrypt) and counting a
// deadline in working days once a year of the calendar is cached. Prints numbers; it asserts nothing.
// Usage: npx tsx bench/domain-costs.ts [pinVerifications=200] [deadlines=100000]
import { vietnamCalendar } from '../functions/domain/calendar';
import { hashTrackingPin, newTrackingPin, verifyTrackingPin } from '../functions/domain/tracking-pin';
import { percentile } from './stats';

const PIN_RUNS = Number(process.argv[2] ?? 200);
const DEADLINE_RUNS = Number(process.argv[3] ?? 100_000);

async function trackingPin() {
  const pin = newTrackingPin();
  const stored = await hashTrackingPin(pin);
  await verifyTrackingPin(pin, stored);
  const durations: number[] = [];
  for (let i = 0; i < PIN_RUNS; i++) {
    const started = performance.now();
    await verifyTrackingPin(i % 2 === 0 ? pin : newTrackingPin(), stored);
    durations.push(performance.now() - started);
  }
  console.log(
    `tracking PIN verification (scrypt N=4096 r=8 p=1), ${PIN_RUNS} runs: ` +
      `p50 ${percentile(durations, 50).toFixed(1)} ms, p95 ${percentile(durations, 95).toFixed(1)} ms, ` +
      `max ${Math.max(...durations).toFixed(1)} ms`,
  );
}

function deadlines() {
  const from = new Date('2026-11-25T08:00:00+07:00');
  vietnamCalendar.addWorkingDays(from, 30);
  const started = performance.now();
  for (let i = 0; i < DEADLINE_RUNS; i++) vietnamCalendar.addWorkingDays(from, 30);
  const microseconds = ((performance.now() - started) * 1000) / DEADLINE_RUNS;
  console.log(
    `deadline of 30 working days (year cached), ${DEADLINE_RUNS} runs: ${microseconds.toFixed(2)} µs a call`,
  );
}

await trackingPin();
deadlines();
