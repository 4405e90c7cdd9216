/**
 * Wraps a UI handler so that only the user's own input acts: events a page
 * script makes (`dispatchEvent`, `.click()`) have `isTrusted` false.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
