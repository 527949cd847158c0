/**
 * Makes the raster icons in public/ from public/icon-light.svg: favicon.ico (16, 32 and 48 px,
 * PNG inside, which every current browser reads) and apple-icon.png (180 px, square: iOS rounds
 * it itself). Run after changing the SVG: `npx tsx scripts/make-icons.ts`. Rendered by the
 * Chromium the end-to-end tests use.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { lookUpBrowser } from "./browser/find-browser";
import { machineLookupProbes } from "./browser/machine";

const svg = readFileSync("public/icon-light.svg", "utf8");

/** An ICO file holding PNG images: a 6-byte header, a 16-byte entry per image, then the images. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main(): Promise<void> {
  const found = lookUpBrowser(machineLookupProbes());
  const browser = await chromium.launch({ executablePath: found.kind === "found" ? found.path : undefined, args: ["--no-sandbox"] });
  const page = await browser.newPage();
  const render = async (size: number, rounded: boolean) => {
    const art = rounded ? svg : svg.replace(/ rx="\d+"/, "");
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>*{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${art}`);
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };
  const favicons = [];
  for (const size of [16, 32, 48]) favicons.push({ size, png: await render(size, true) });
  writeFileSync("public/favicon.ico", ico(favicons));
  writeFileSync("public/apple-icon.png", await render(180, false));
  await browser.close();
}

void main();
