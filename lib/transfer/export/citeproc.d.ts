/** The part of citeproc-js (npm `citeproc`, untyped) that Gloss uses. */
declare module 'citeproc' {
  interface CslSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  interface Engine {
    opt: { development_extensions: Record<string, boolean> };
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [unknown, string[]] | false;
  }
  type OutputFormat = Record<string, unknown>;
  const CSL: {
    Engine: new (sys: CslSys, style: string, lang?: string, forceLang?: boolean) => Engine;
    Output: { Formats: Record<string, OutputFormat> };
  };
  export default CSL;
}
