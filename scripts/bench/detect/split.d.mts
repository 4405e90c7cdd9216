/** The half of a dev corpus a page id belongs to (SHA-256 of the id, first hex digit 0-7 → 'tune'). */
export function halfOf(id: string): 'tune' | 'check';
