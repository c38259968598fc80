/**
 * The bundled fact pack, drawn from the two source articles. It is validated by the unit tests
 * (test/unit/facts/pack.test.ts), not at runtime, so loading it costs nothing beyond the import.
 */
import pack from '@/assets/pack/backstory.json';
import type { FactPack } from './schema';

/** The pack that ships with Backstory, typed as a FactPack. */
export const bundledPack = pack as FactPack;
