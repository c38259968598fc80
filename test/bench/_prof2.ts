import { bundledPack } from '@/lib/facts/bundled';
import { buildIndex } from '@/lib/match';
const ents = [] as any[]; const claims = [] as any[];
for (let i = 0; i < 5000; i++) { ents.push({ id: `r${i}`, name: `Readerfact Person${i} Example`, kind: 'person', aliases: [`Person${i} Example`, `Person${i}`], summary: 's', sourceIds: [] }); claims.push({ id: `c${i}`, statement: `Person${i} reported losses of ${i} million dollars from fraud number ${i % 50}.`, subjects: [`r${i}`], sourceId: 's', evidence: `losses of ${i} million dollars`, figure: { value: i, unit: 'USD', qualifier: 'exact', period: 'total' }, measure: `reader.losses-${i % 50}.usd` }); }
const big = { ...bundledPack, entities: [...bundledPack.entities, ...ents], claims: [...bundledPack.claims, ...claims] };
for (let k = 0; k < 30; k++) buildIndex(big);
const t = performance.now(); for (let k = 0; k < 10; k++) buildIndex(big); console.log('build', (performance.now() - t) / 10);
import { buildAliasTable } from '@/lib/match/aliases';
import { buildFuzzyTable } from '@/lib/match/fuzzy';
import { buildClaimTable, contentWords, stem } from '@/lib/match/claims';
const T = (name: string, f: () => unknown) => { for (let i = 0; i < 5; i++) f(); const t = performance.now(); for (let i = 0; i < 10; i++) f(); console.log(name, ((performance.now() - t) / 10).toFixed(2)); };
T('aliasTable', () => buildAliasTable(big.entities));
const at = buildAliasTable(big.entities);
T('fuzzyTable', () => buildFuzzyTable(at));
const em = new Map(big.entities.map(e => [e.id, e]));
T('claimTable', () => buildClaimTable(big.claims, em));
T('contentWords', () => big.claims.map(c => contentWords(c.statement + ' ' + c.evidence)));
T('stems', () => big.claims.map(c => contentWords(c.statement + ' ' + c.evidence).map(stem)));
T('maps', () => { new Map(big.entities.map(e => [e.id, e])); new Map(big.claims.map(e => [e.id, e])); });
