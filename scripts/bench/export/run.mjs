// npm run bench:export: Markdown export of 10,000 highlights across 1,000 articles (target <= 1 s) and a
// backup → restore round trip of 100,000 highlights (target: restore <= 10 s, every field equal), in Chromium
// (real IndexedDB) via a Vite library bundle in .cache/. Prints tables, then (last line) one JSON object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../../harness/bundle.mjs';
import { launchChromium } from '../../harness/chromium.mjs';
import { ROOT } from '../../harness/paths.mjs';
import { startPageServer } from '../../harness/server.mjs';

const OUT = join(ROOT, '.cache/bench-export');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 1_000);
const MD_HIGHLIGHTS = Number(process.env.BENCH_MD_HIGHLIGHTS ?? 10_000);
const BACKUP_HIGHLIGHTS = Number(process.env.BENCH_BACKUP_HIGHLIGHTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MARKDOWN_MS = 1_000;
const TARGET_RESTORE_MS = 10_000;

async function serve() {
  const script = await bundleEntry({ entry: fileURLToPath(new URL('entry.ts', import.meta.url)), outDir: OUT, fileName: 'bench-export.js' });
  const server = await startPageServer();
  server.add('/', '<!doctype html><title>bench</title>');
  server.add('/bench-export.js', readFileSync(script), 'text/javascript');
  return server;
}

const ms = (v) => `${v.toFixed(0).padStart(7)} ms`;
const mb = (v) => `${(v / 1048576).toFixed(1).padStart(7)} MB`;

async function main() {
  const server = await serve();
  const browser = await launchChromium({ args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  let markdown;
  let backup;
  try {
    const page = await browser.context.newPage();
    await page.goto(server.origin + '/');
    const run = (fn, arg) => page.evaluate(async ([source, a]) => {
      const lib = await import('/bench-export.js');
      return new Function('lib', 'a', `return (${source})(lib, a)`)(lib, a);
    }, [fn.toString(), arg]);
    markdown = await run((lib, a) => lib.timeMarkdown(a.articles, a.highlights, a.runs), { articles: ARTICLES, highlights: MD_HIGHLIGHTS, runs: RUNS });
    backup = await run((lib, a) => lib.timeBackupRestore(a.articles, a.highlights), { articles: ARTICLES, highlights: BACKUP_HIGHLIGHTS });
  } finally {
    await browser.close();
    await server.close();
  }

  console.log(`Markdown export, ${markdown.highlights} highlights across ${markdown.articles} articles (median of ${RUNS} runs, Chromium)`);
  console.log(`  one file                 ${ms(markdown.singleFileMs)}   target <= ${TARGET_MARKDOWN_MS} ms   (${(markdown.markdownChars / 1e6).toFixed(1)} M chars)`);
  console.log(`  one file per article     ${ms(markdown.perArticleFilesMs)}`);
  console.log(`  .zip of those files      ${ms(markdown.zipMs)}   (${mb(markdown.zipBytes)})`);
  console.log(`  CSV                      ${ms(markdown.csvMs)}`);
  console.log(`\nBackup and restore, ${backup.highlights} highlights across ${backup.articles} articles (real IndexedDB, Chromium)`);
  console.log(`  fill source database     ${ms(backup.fillMs)}   (same rows, same schema, no search hooks: ${backup.bareFillMs.toFixed(0)} ms)`);
  console.log(`  backup to Blob           ${ms(backup.backupMs)}   ${mb(backup.backupBytes)}; JS heap growth during backup ${mb(backup.backupHeapPeakBytes)}`);
  console.log(`  restore: read file       ${ms(backup.readMs)}`);
  console.log(`  restore: parse+validate  ${ms(backup.parseValidateMs)}`);
  console.log(`  restore: plan+write (1 tx)${ms(backup.applyMs)}`);
  console.log(`  restore total            ${ms(backup.restoreMs)}   target <= ${TARGET_RESTORE_MS} ms; ${(backup.applyMs / backup.bareFillMs).toFixed(2)}x the hook-free fill`);
  console.log(`  lossless: ${backup.compared} records compared field by field, ${backup.differences} differences; second backup identical: ${backup.secondBackupIdentical}`);
  const ok = {
    markdown: markdown.singleFileMs <= TARGET_MARKDOWN_MS && markdown.perArticleFilesMs <= TARGET_MARKDOWN_MS,
    restore: backup.restoreMs <= TARGET_RESTORE_MS,
    lossless: backup.differences === 0 && backup.secondBackupIdentical && backup.compared === backup.articles + backup.highlights + 4,
  };
  const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? +v.toFixed(1) : v]));
  console.log(JSON.stringify({
    bench: 'export', targets: { markdownMs: TARGET_MARKDOWN_MS, restoreMs: TARGET_RESTORE_MS }, ok, markdown: round(markdown),
    backup: { ...round(backup), applyVsBareFill: +(backup.applyMs / backup.bareFillMs).toFixed(2) },
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
