// The live-page fragment generator on a plain page, for highlight-fragment.test.ts.
import { fragmentOfRange } from '../../lib/anchoring/fragment-of-range';

(window as unknown as { glossFragmentOfRange: typeof fragmentOfRange }).glossFragmentOfRange = fragmentOfRange;
