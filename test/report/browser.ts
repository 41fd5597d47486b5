// Opens an HTML report in real headless Chromium (Debian's `chromium`, which .ci/run installs) and
// collects what the report tests check: console errors, every request and failed request, the size
// of each chart's SVG, and a screenshot. Missing Chromium is a failure that says what to install.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export interface BrowserCheck {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  failedRequests: string[];
  /** Per figure.chart: its id and the rendered SVG's size and element count. */
  charts: { id: string; width: number; height: number; elements: number }[];
  sections: string[];
  screenshot: string;
  printPdfBytes: number;
}

export function chromiumPath(): string {
  const path = process.env.TRACEHOUND_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium is needed to test the HTML report in a real browser, and ${path} does not exist. Install it with 'apt-get install -y chromium' (Debian), or set TRACEHOUND_CHROMIUM to its path.`);
  }
  return path;
}

export async function openReport(htmlFile: string, name: string): Promise<BrowserCheck> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const out: BrowserCheck = { consoleErrors: [], pageErrors: [], requests: [], failedRequests: [], charts: [], sections: [], screenshot: '', printPdfBytes: 0 };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') out.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => out.pageErrors.push(e.message));
    page.on('request', (r) => out.requests.push(r.url()));
    page.on('requestfailed', (r) => out.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    const url = pathToFileURL(htmlFile).href;
    await page.goto(url, { waitUntil: 'load' });
    out.charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { id: f.getAttribute('data-chart') ?? '', width: box?.width ?? 0, height: box?.height ?? 0, elements: svg ? svg.querySelectorAll('path, rect, line, text').length : 0 };
      }),
    );
    out.sections = await page.$$eval('section', (ss) => ss.map((s) => s.id));
    out.screenshot = join(tmpdir(), `tracehound-${name}-${process.pid}.png`);
    await page.screenshot({ path: out.screenshot, fullPage: true });
    // Printing: Chromium's PDF output of the print stylesheet.
    out.printPdfBytes = (await page.pdf({ format: 'A4' })).length;
    // Only the page itself may have been requested.
    out.requests = out.requests.filter((r) => r !== url);
    return out;
  } finally {
    await browser.close();
  }
}
