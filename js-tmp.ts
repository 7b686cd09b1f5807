import { formJsonSchema, procedures } from './schemas/catalogue';

const seen = new Set<string>();
const walk = (n: unknown, root = false) => {
  if (Array.isArray(n)) return n.forEach((x) => walk(x));
  if (!n || typeof n !== 'object') return;
  for (const [k, v] of Object.entries(n)) {
    if ((k === 'title' || k === 'description') && typeof v === 'string' && !root) seen.add(v);
    else if (k !== 'examples') walk(v);
  }
};
for (const p of procedures) {
  const s = formJsonSchema(p) as any;
  const { title, ...rest } = s;
  walk(rest);
}
console.log(JSON.stringify([...seen], null, 0));
