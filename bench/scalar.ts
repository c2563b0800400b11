/**
 * The scalar custom functions' overhead alone, in seconds rather than the whole bench's minutes:
 * `npx webpack --mode production --env entries=functions && node -r ./scripts/ts-require.js bench/scalar.ts [ID…]`.
 */
import { benchScalar } from "./functions";

const ids = process.argv.slice(2);
const figures = benchScalar(ids.length > 0 ? ids : undefined);
for (const f of figures) console.log(`${f.id.padEnd(18)} ${f.overheadRatio.toFixed(2)}`);
console.log(`worst ${Math.max(...figures.map((f) => f.overheadRatio)).toFixed(2)}`);
