/** Moved to src/controllers/width.ts. */
export { WidthController } from '../controllers/width.js';
export type { WidthOptions } from '../controllers/width.js';
