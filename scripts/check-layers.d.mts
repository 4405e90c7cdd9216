export const LIB_TIERS: readonly (readonly string[])[];
export interface LayerViolation {
  file: string;
  specifier: string;
  reason: string;
  message: string;
}
export function importsOf(text: string): string[];
export function checkLayers(files: readonly string[], read: (file: string) => string): LayerViolation[];
export function layeredFiles(root: string): string[];
