import { DomainError } from '../../domain/errors.ts';
import type { ServiceContext } from '../context.ts';
import { getReportHtml } from './index.ts';

/** Where Debian, Ubuntu and Chrome put the browser; the first that exists is used. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags for a one-shot print: no sandbox (containers run as root), no GPU, no first-run or network chatter. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-extensions',
  '--no-pdf-header-footer',
];

export const NO_CHROMIUM =
  'PDF output needs headless Chromium, which is not installed here (looked for ' +
  CHROMIUM_CANDIDATES.join(', ') +
  '). Install it (Debian: apt-get install chromium) or open the HTML report and print it to PDF (A4).';

/** The first installed Chromium of `candidates`, or null. Node only (imported lazily, so Workers never load it). */
export async function findChromium(candidates: readonly string[] = CHROMIUM_CANDIDATES): Promise<string | null> {
  const { access, constants } = await import('node:fs/promises');
  for (const path of candidates) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not here; try the next
    }
  }
  return null;
}

/**
 * Prints an HTML page to PDF with headless Chromium (`--print-to-pdf`; the page's own print CSS sets A4
 * and the margins). The page is written to a private temporary directory, removed afterwards. Throws
 * 'unavailable' with NO_CHROMIUM when no browser is installed, and when the browser fails or times out.
 */
export async function htmlToPdf(
  html: string,
  options: { chromium?: string | null; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const chromium = options.chromium ?? (await findChromium());
  if (!chromium) throw new DomainError('unavailable', NO_CHROMIUM);
  const [{ execFile }, fs, { tmpdir }, { join }, { pathToFileURL }] = await Promise.all([
    import('node:child_process'),
    import('node:fs/promises'),
    import('node:os'),
    import('node:path'),
    import('node:url'),
  ]);
  const dir = await fs.mkdtemp(join(tmpdir(), 'bole-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    await fs.writeFile(page, html);
    const args = [
      ...FLAGS,
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(chromium, args, { timeout: options.timeoutMs ?? 60_000 }, (error) =>
        error ? reject(error) : resolve(),
      );
    }).catch((error: unknown) => {
      throw new DomainError(
        'unavailable',
        `Chromium (${chromium}) could not print the report: ` +
          `${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    });
    return new Uint8Array(await fs.readFile(out));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The report of a completed run as a PDF (A4), for the console's download button and the API. */
export async function getReportPdf({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<Uint8Array> {
  return htmlToPdf(await getReportHtml({ ctx, id }));
}
