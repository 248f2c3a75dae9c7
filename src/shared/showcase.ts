import type { Showcase } from '../dataset/reference';
import showcase from '../../assets/reference/showcase.json';

/**
 * The popup's example searches and the welcome page's sample outlet: data, not code, so
 * another dataset brings its own (validated with the reference files by the unit tests).
 */
export const SHOWCASE: Showcase = showcase;
