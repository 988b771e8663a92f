import { booksColdOnce } from './scenarios/books.ts';
import { loadavg } from 'node:os';
const size = Number(process.argv[2] ?? 10000);
console.log('load before', loadavg());
const r = await booksColdOnce(size, 60);
console.log(JSON.stringify(r.rows[0], null, 1));
console.log('load after', loadavg());
if (r.profile) console.log(JSON.stringify(r.profile).slice(0, 3000));
