// What the content session needs of `wxt/browser` on a plain page (the benchmark is not an extension): settings
// read as empty, so the defaults apply. Everything the session sends goes through the injected backend instead.
export const browser = {
  storage: { local: { get: async () => ({}), set: async () => undefined }, onChanged: { addListener() {}, removeListener() {} } },
  runtime: { id: 'bench', getURL: (path) => path },
};
