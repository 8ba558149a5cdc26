import { readFileSync } from 'node:fs';
import { parseXml } from './lib/ubl/xml';
import { validateUbl } from './lib/ubl/validate';
const base = readFileSync('test/fixtures/ubl/base-example.xml', 'utf8');
function doc(n: number, bytes: number) {
  const half = n / 2;
  const rootDecls = Array.from({ length: half }, (_, i) => ` xmlns:r${i}="urn:r:${i}"`).join('');
  const notes = Array.from({ length: half }, (_, i) => `<cbc:Note xmlns:n${i}="urn:n:${i}">x</cbc:Note>`).join('');
  let x = base.replace(/<Invoice\b/, `<Invoice${rootDecls}`).replace(/(<cbc:DocumentCurrencyCode)/, `${notes}$1`);
  const pad = bytes - Buffer.byteLength(x) - 30;
  if (pad > 0) x = x.replace(/(<cbc:DocumentCurrencyCode)/, `<cbc:Note>${'y'.repeat(pad)}</cbc:Note>$1`);
  return x;
}
const x = doc(20000, 1024*1024);
console.log(Buffer.byteLength(x));
for (let i=0;i<3;i++){
  const t = performance.now(); parseXml(x); const t2 = performance.now(); validateUbl(x);
  console.log('parse', (t2-t).toFixed(0), 'ms; parse+pre-validate', (performance.now()-t2).toFixed(0), 'ms');
}
import { parseXml as raw } from '@rgrove/parse-xml';
for (let i=0;i<3;i++){
  let c = process.cpuUsage(); raw(x, { includeOffsets: true }); const r = process.cpuUsage(c);
  c = process.cpuUsage(); parseXml(x); const a = process.cpuUsage(c);
  c = process.cpuUsage(); validateUbl(x); const b = process.cpuUsage(c);
  console.log('cpu: raw parser', ((r.user+r.system)/1000).toFixed(0), 'parse', ((a.user+a.system)/1000).toFixed(0), 'parse+validate', ((b.user+b.system)/1000).toFixed(0));
}
