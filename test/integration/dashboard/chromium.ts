import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM } from '../../../bench/dashboard/headless-chromium.js';
import { packageRoot } from '../../../core/package-root.js';

export { launchChromium } from '../../../bench/dashboard/headless-chromium.js';

/** Where the tests write a screenshot of each view, linked from the README. */
export const SCREENSHOTS = join(packageRoot(), 'docs', 'screenshots');

/**
 * Whether the browser tests must be skipped: without Debian's chromium they are, saying why, except
 * under CI=true, where they run and fail (.ci/run installs it).
 */
export function skipWithoutChromium(): boolean {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return false;
  console.warn(
    `skipped: the dashboard's browser tests need Debian's chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
  return true;
}

/** Console errors and uncaught exceptions of a page, as they come. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** For each chart of the page, how many of its canvas pixels are coloured (drawn data). */
export function drawnPixels(page: Page): Promise<{ chart: string; canvases: number; drawn: number }[]> {
  return page.$$eval('[data-chart]', (charts) =>
    charts.map((chart) => {
      let drawn = 0;
      const canvases = [...chart.querySelectorAll('canvas')];
      for (const canvas of canvases) {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        // Coloured pixels only: the series and the states; axes, grid and backgrounds are grey or white.
        for (let i = 0; i < pixels.length; i += 4) {
          const [r, g, b, a] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, pixels[i + 3]!];
          if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 40) drawn++;
        }
      }
      return { chart: chart.getAttribute('data-chart')!, canvases: canvases.length, drawn };
    }),
  );
}

export async function screenshot(page: Page, name: string, selector?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}
